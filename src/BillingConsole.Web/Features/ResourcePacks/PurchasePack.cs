using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record PurchasePackCommand(Guid AccountId, string? SpecId);

/// <summary>
/// SPEC P2, P3: buys a pack from the cash balance, or takes the free trial. The pack and its ledger entry
/// <c>pack-purchase:{packId}</c> commit together; a refusal changes nothing.
/// </summary>
public sealed class PurchasePackHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts, ILogger<PurchasePackHandler> logger)
{
    public Task<Result<PackRow>> HandleAsync(PurchasePackCommand cmd, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cmd.SpecId)) return Task.FromResult(Result<PackRow>.Invalid("specId", "Choose a pack spec."));
        // A racing second trial fails on the one-trial-per-type key; the retry then sees it and refuses (P2).
        return ConcurrencyRetry.ExecuteAsync(innerCt => PurchaseOnceAsync(cmd.AccountId, cmd.SpecId.Trim(), innerCt), ct);
    }

    private async Task<Result<PackRow>> PurchaseOnceAsync(Guid accountId, string specId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var spec = await db.PackSpecs.AsNoTracking().FirstOrDefaultAsync(s => s.SpecId == specId, ct);
        if (spec is null) return Result<PackRow>.Invalid("specId", $"There is no pack spec '{specId}'.");
        if (spec.Retired) return Result<PackRow>.Invalid("specId", $"The pack spec '{specId}' is no longer sold.");
        var type = await db.PackTypes.AsNoTracking().FirstAsync(t => t.Code == spec.PackTypeCode, ct);

        if (spec.Trial)
        {
            var held = await db.ResourcePacks.AsNoTracking()
                .Where(p => p.AccountId == accountId && p.PackTypeCode == type.Code).ToListAsync(ct);
            var eligible = TrialEligibility.Check(accountId, spec, held);
            if (!eligible.IsOk) return eligible.Cast<PackRow>();
            if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) return Result<PackRow>.NotFound("The account does not exist.");
        }
        else
        {
            // Free trials are not purchases: an account in arrears may still take one (docs/resource-packs.md).
            var refusal = await PackCharges.RefusalForPurchaseAsync(db, accountId, ct);
            if (refusal is not null) return Result<PackRow>.Conflict(refusal);
        }

        var created = ResourcePack.Create(accountId, type, spec, spec.Trial ? PackOrigin.Trial : PackOrigin.Purchased, now, calendar);
        if (!created.IsOk) return created.Cast<PackRow>();
        var pack = created.Value!;
        db.ResourcePacks.Add(pack);
        var charged = await PackCharges.ChargeAsync(db, accountId, LedgerEntryKind.PackPurchase, spec.Price,
            pack.Id.ToString(), $"pack-purchase:{pack.Id}", $"Resource pack {spec.SpecId}", now, ct);
        if (!charged.IsOk) return charged.Cast<PackRow>();
        await db.SaveChangesAsync(ct);
        alerts.AfterPackChange(accountId, QuotaAlertTrigger.Purchase); // SPEC A2: a new total re-arms
        alerts.AfterBalanceChange(accountId, BalanceMovement.Purchase); // SPEC A6
        logger.LogInformation("PurchasePack: account {AccountId} bought pack {PackId} ({SpecId}) for {Price}",
            accountId, pack.Id, spec.SpecId, spec.Price.ToFenString());
        return Result<PackRow>.Ok(PackViews.ToRow(pack, type.NameEn, now, calendar));
    }
}
