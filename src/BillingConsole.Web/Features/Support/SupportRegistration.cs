using BillingConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BillingConsole.Web.Features.Support;

public static class SupportRegistration
{
    /// <summary>Impersonation, the ambient actor, audit log, staff console queries and API rate limiting (SPEC I2–I4).</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ImpersonationLookup>();
        services.AddSingleton<ActorResolver>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<ReadOnlyWrites>();
        services.AddSingleton<StartImpersonationHandler>();
        services.AddSingleton<EndImpersonationHandler>();
        services.AddSingleton<SearchAccountsHandler>();
        services.AddSingleton<GetStaffAccountHandler>();
        services.AddSingleton<GetAuditEventsHandler>();
        services.AddSingleton<GetJobRunsHandler>();
        services.AddSingleton<IAuthorizationHandler, AccountViewerHandler>();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddApiRateLimiting(configuration);
        // The cookie's own check (HTTP requests) follows the circuit's revalidation interval.
        services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    /// <summary>After authentication: every request knows its actor before any handler runs.</summary>
    public static IApplicationBuilder UseActor(this IApplicationBuilder app) => app.UseMiddleware<ActorMiddleware>();
}
