using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.Support;

/// <summary>The audit log's CSV export: a plain GET behind the Staff policy (cookie), so a link can download it.</summary>
public static class SupportEndpoints
{
    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/audit/export.csv", async (string? actor, Guid? account, string? action, DateTime? from,
                DateTime? to, GetAuditEventsHandler handler, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
            {
                var query = new AuditQuery(actor, account, action, from?.ToUniversalTime(), to?.ToUniversalTime());
                var csv = await handler.ExportCsvAsync(query, ct);
                await audit.WriteAsync("audit.export", "audit log", $"actor={actor} account={account} action={action} from={from:O} to={to:O}", ct: ct);
                return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(),
                    "text/csv", $"audit-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("ExportAuditLog").WithTags("Staff").ExcludeFromDescription();
        return app;
    }
}
