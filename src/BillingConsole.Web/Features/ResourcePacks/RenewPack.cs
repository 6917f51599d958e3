using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record RenewPackCommand(Guid AccountId, Guid PackId);

/// <summary>SPEC P9: pays the spec price again; the expiry moves one validity period later.</summary>
public sealed class RenewPackHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts)
{
    public async Task<Result<Money>> QuoteAsync(RenewPackCommand cmd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await db.ResourcePacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, ct);
        if (pack is null) return Result<Money>.NotFound("No such resource pack.");
        var spec = await db.PackSpecs.AsNoTracking().FirstAsync(s => s.SpecId == pack.SpecId, ct);
        return pack.QuoteRenewal(spec, clock.GetUtcNow().UtcDateTime);
    }

    public Task<Result<PackRow>> HandleAsync(RenewPackCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async innerCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(innerCt);
            var now = clock.GetUtcNow().UtcDateTime;
            var pack = await db.ResourcePacks.FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, innerCt);
            if (pack is null) return Result<PackRow>.NotFound("No such resource pack.");
            var spec = await db.PackSpecs.AsNoTracking().FirstAsync(s => s.SpecId == pack.SpecId, innerCt);
            if (spec.Retired) return Result<PackRow>.Invalid("This pack's spec is no longer sold; buy a new pack instead.");
            var refusal = await PackCharges.RefusalForPurchaseAsync(db, cmd.AccountId, innerCt);
            if (refusal is not null) return Result<PackRow>.Conflict(refusal);

            var key = $"pack-renewal:{pack.Id}:{pack.Version:N}";
            var price = pack.Renew(spec, now, calendar);
            if (!price.IsOk) return price.Cast<PackRow>();
            var charged = await PackCharges.ChargeAsync(db, cmd.AccountId, LedgerEntryKind.PackPurchase, price.Value,
                pack.Id.ToString(), key, $"Renewal of resource pack {spec.SpecId}", now, innerCt);
            if (!charged.IsOk) return charged.Cast<PackRow>();
            await db.SaveChangesAsync(innerCt);
            alerts.AfterPackChange(cmd.AccountId, QuotaAlertTrigger.Renewal);
            alerts.AfterBalanceChange(cmd.AccountId, BalanceMovement.Purchase);
            var typeName = await db.PackTypes.Where(t => t.Code == pack.PackTypeCode).Select(t => t.NameEn).FirstAsync(innerCt);
            return Result<PackRow>.Ok(PackViews.ToRow(pack, typeName, now, calendar));
        }, ct);
}
