using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Operations;

public static class HealthEndpoints
{
    /// <summary>API.md <c>GET /healthz</c>: 200 when the database answers, 503 otherwise; no authentication.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<BillingDbContext> dbFactory, CancellationToken ct) =>
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    // A real query, not just an open connection: a missing or locked schema is unhealthy too.
                    await db.Accounts.AsNoTracking().AnyAsync(ct);
                    return Results.Ok(new { status = "healthy" });
                }
                catch (Exception)
                {
                    return Results.Json(new { status = "unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .WithName("Health")
            .WithTags("Operations")
            .AllowAnonymous();
        app.MapReadiness();
        app.MapMetricsEndpoint();
        return app;
    }
}
