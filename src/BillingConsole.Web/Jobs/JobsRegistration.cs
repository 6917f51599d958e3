using BillingConsole.Infrastructure.Jobs;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace BillingConsole.Web.Jobs;

public static class JobsRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddBillingHangfire(DatabaseOptions.From(configuration, environment), configuration);
        services.AddScoped<JobRunner>();
        return services;
    }

    /// <summary>The dashboard for Admin only, also for requests from loopback (Hangfire would let those in).</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        AddDashboardAccessibility();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            AppPath = "/",
            DashboardTitle = "BillingConsole jobs",
            // The footer would show the storage's connection string (the SQLite file path): not for a web page.
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static int dashboardAssetsAdded;

    /// <summary>
    /// Our stylesheet (WCAG AA contrast) and script (landmarks, heading levels, checkbox names) in every dashboard page;
    /// Hangfire's routes are process-wide, so they are added once however many apps a test process builds.
    /// </summary>
    private static void AddDashboardAccessibility()
    {
        if (Interlocked.Exchange(ref dashboardAssetsAdded, 1) == 1) return;
        var assembly = typeof(JobsRegistration).Assembly;
        DashboardRoutes.AddStylesheet(assembly, "BillingConsole.Web.Jobs.Dashboard.hangfire-a11y.css");
        DashboardRoutes.AddJavaScript(assembly, "BillingConsole.Web.Jobs.Dashboard.hangfire-a11y.js");
    }

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(BillingConsole.Infrastructure.Identity.Roles.Admin);
    }
}
