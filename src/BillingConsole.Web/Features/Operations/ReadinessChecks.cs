using System.Text.Json;
using BillingConsole.Infrastructure.Persistence;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// API.md <c>GET /readyz</c>: ready when the database answers, every migration of this build is applied, and the job
/// storage answers (ASP.NET Core health checks, tag <see cref="Tag"/>). 200 or 503 with one line per check; no
/// authentication, no detail beyond the check names and their status (no connection strings, no exception text).
/// </summary>
public static class ReadinessChecks
{
    public const string Tag = "ready";

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Tag])
            .AddCheck<MigrationsCheck>("migrations", tags: [Tag])
            .AddCheck<JobStorageCheck>("job-storage", tags: [Tag]);
        return services;
    }

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions
            {
                Predicate = r => r.Tags.Contains(Tag),
                ResponseWriter = WriteAsync,
            })
            .WithDisplayName("Readiness")
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not ready",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private sealed class DatabaseCheck(IDbContextFactory<BillingDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Accounts.AsNoTracking().AnyAsync(ct);
                return HealthCheckResult.Healthy("the database answers");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("the database does not answer: " + e.GetType().Name);
            }
        }
    }

    private sealed class MigrationsCheck(IDbContextFactory<BillingDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                return pending == 0
                    ? HealthCheckResult.Healthy("every migration is applied")
                    : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("the migrations could not be read: " + e.GetType().Name);
            }
        }
    }

    private sealed class JobStorageCheck(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                // A real read of the storage (Hangfire's own file on SQLite, its schema on PostgreSQL).
                storage.GetMonitoringApi().GetStatistics();
                return Task.FromResult(HealthCheckResult.Healthy("the job storage answers"));
            }
            catch (Exception e)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the job storage does not answer: " + e.GetType().Name));
            }
        }
    }
}
