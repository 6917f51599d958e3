using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// Records an exchange with Alipay for staff (the recharge detail page) and, when it was refused or failed, in the
/// audit log with the reason. Parameters are stored as they came: Alipay sends no secrets, and we never send ours.
/// </summary>
public sealed class GatewayEvents(IDbContextFactory<BillingDbContext> dbFactory, AuditLog audit, TimeProvider clock,
    ILogger<GatewayEvents> logger)
{
    public async Task RecordAsync(string kind, Guid? rechargeId, Guid? withdrawalId, string outcome, string reason,
        string? parameters, CancellationToken ct)
    {
        if (outcome != "accepted")
        {
            logger.LogWarning("Alipay {Kind} {Outcome} for recharge {RechargeId}: {Reason}", kind, outcome, rechargeId, reason);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.GatewayEvents.Add(GatewayEvent.Create(clock.GetUtcNow().UtcDateTime, "alipay", kind, rechargeId, withdrawalId,
            outcome, reason, parameters));
        if (outcome != "accepted")
        {
            var accountId = rechargeId is { } id
                ? await db.Recharges.Where(r => r.Id == id).Select(r => (Guid?)r.AccountId).FirstOrDefaultAsync(ct)
                : null;
            audit.Add(db, $"payment.alipay.{kind}.{outcome}",
                rechargeId is { } r ? $"recharge {r}" : withdrawalId is { } w ? $"withdrawal {w}" : "alipay", reason, accountId);
        }
        await db.SaveChangesAsync(ct);
    }

    public static string Form(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
}
