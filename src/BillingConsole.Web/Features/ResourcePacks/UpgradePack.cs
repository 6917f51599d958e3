using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record UpgradePackCommand(Guid AccountId, Guid PackId, string? SpecId);

/// <summary>
/// SPEC P8: the same pack moves to a larger spec of its type; the price difference (the new spec's price minus the
/// price the pack's spec was sold at) is paid from the balance in the same transaction.
/// </summary>
public sealed class UpgradePackHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts)
{
    /// <summary>The price difference, or why the upgrade is refused; changes nothing.</summary>
    public async Task<Result<Money>> QuoteAsync(UpgradePackCommand cmd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await db.ResourcePacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, ct);
        if (pack is null) return Result<Money>.NotFound("No such resource pack.");
        var spec = await db.PackSpecs.AsNoTracking().FirstOrDefaultAsync(s => s.SpecId == cmd.SpecId, ct);
        if (spec is null || spec.Retired) return Result<Money>.Invalid("specId", "Choose a spec that is on sale.");
        return pack.QuoteUpgrade(spec, clock.GetUtcNow().UtcDateTime);
    }

    public Task<Result<PackRow>> HandleAsync(UpgradePackCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async innerCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(innerCt);
            var now = clock.GetUtcNow().UtcDateTime;
            var pack = await db.ResourcePacks.FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, innerCt);
            if (pack is null) return Result<PackRow>.NotFound("No such resource pack.");
            var spec = await db.PackSpecs.AsNoTracking().FirstOrDefaultAsync(s => s.SpecId == cmd.SpecId, innerCt);
            if (spec is null || spec.Retired) return Result<PackRow>.Invalid("specId", "Choose a spec that is on sale.");
            var refusal = await PackCharges.RefusalForPurchaseAsync(db, cmd.AccountId, innerCt);
            if (refusal is not null) return Result<PackRow>.Conflict(refusal);

            // The version before the change names this upgrade, so a retried attempt cannot charge twice.
            var key = $"pack-upgrade:{pack.Id}:{pack.Version:N}";
            var price = pack.Upgrade(spec, now);
            if (!price.IsOk) return price.Cast<PackRow>();
            var charged = await PackCharges.ChargeAsync(db, cmd.AccountId, LedgerEntryKind.PackPurchase, price.Value,
                pack.Id.ToString(), key, $"Upgrade of resource pack to {spec.SpecId}", now, innerCt);
            if (!charged.IsOk) return charged.Cast<PackRow>();
            await db.SaveChangesAsync(innerCt);
            alerts.AfterPackChange(cmd.AccountId, QuotaAlertTrigger.Upgrade);
            alerts.AfterBalanceChange(cmd.AccountId, BalanceMovement.Purchase);
            var typeName = await db.PackTypes.Where(t => t.Code == pack.PackTypeCode).Select(t => t.NameEn).FirstAsync(innerCt);
            return Result<PackRow>.Ok(PackViews.ToRow(pack, typeName, now, calendar));
        }, ct);
}
