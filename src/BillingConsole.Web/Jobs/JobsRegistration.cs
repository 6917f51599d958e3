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

    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(BillingConsole.Infrastructure.Identity.Roles.Admin);
    }
}
