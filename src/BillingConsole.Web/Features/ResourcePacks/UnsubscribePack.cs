using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record UnsubscribePackCommand(Guid AccountId, Guid PackId);

/// <summary>
/// SPEC P10: unsubscribes an unused pack within 5 days of purchase and refunds what was paid to the balance (a Refund
/// entry <c>pack-refund:{packId}</c>). Usage the pack covers but daily billing has not settled yet counts as use.
/// </summary>
public sealed class UnsubscribePackHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts, ILogger<UnsubscribePackHandler> logger)
{
    /// <summary>The refund, or why the pack cannot be unsubscribed; changes nothing.</summary>
    public async Task<Result<Money>> QuoteAsync(UnsubscribePackCommand cmd, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await db.ResourcePacks.FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, ct);
        if (pack is null) return Result<Money>.NotFound("No such resource pack.");
        // The tracked copy is changed by the check and never saved.
        return pack.Unsubscribe(clock.GetUtcNow().UtcDateTime, await UnsettledCoveredUsageAsync(db, pack, ct));
    }

    public Task<Result<PackRow>> HandleAsync(UnsubscribePackCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async innerCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(innerCt);
            var now = clock.GetUtcNow().UtcDateTime;
            var pack = await db.ResourcePacks.FirstOrDefaultAsync(p => p.Id == cmd.PackId && p.AccountId == cmd.AccountId, innerCt);
            if (pack is null) return Result<PackRow>.NotFound("No such resource pack.");
            var refund = pack.Unsubscribe(now, await UnsettledCoveredUsageAsync(db, pack, innerCt));
            if (!refund.IsOk) return refund.Cast<PackRow>();
            if (refund.Value.IsPositive)
            {
                // SPEC V5: not below what is already invoiced or requested (claims the invoicing row; retried on a race).
                if (await Invoices.InvoicingLock.RefundRefusalAsync(db, cmd.AccountId, refund.Value, calendar, now, innerCt) is { } refusal)
                {
                    return Result<PackRow>.Conflict(refusal);
                }
                var posted = await db.PostAsync(new PostLedgerEntryCommand(cmd.AccountId, LedgerEntryKind.Refund, refund.Value,
                    pack.Id.ToString(), Invoices.InvoiceableLedger.UnsubscribeRefundKeyPrefix + pack.Id, $"Refund of unsubscribed resource pack {pack.SpecId}"), now, innerCt);
                if (!posted.IsOk) return posted.Cast<PackRow>();
            }
            await db.SaveChangesAsync(innerCt);
            alerts.AfterPackChange(cmd.AccountId, QuotaAlertTrigger.Unsubscribe);
            alerts.AfterBalanceChange(cmd.AccountId, BalanceMovement.Refund);
            logger.LogInformation("UnsubscribePack: pack {PackId} of account {AccountId} unsubscribed, refund {Refund}",
                pack.Id, cmd.AccountId, refund.Value.ToFenString());
            var typeName = await db.PackTypes.Where(t => t.Code == pack.PackTypeCode).Select(t => t.NameEn).FirstAsync(innerCt);
            return Result<PackRow>.Ok(PackViews.ToRow(pack, typeName, now, calendar));
        }, ct);

    /// <summary>
    /// Billable, not yet billed usage of the pack's meters from the hour of its effective time on. Whole hours are
    /// counted, so usage just before the purchase in the same hour also blocks the refund: refusing is the safe side.
    /// </summary>
    internal static async Task<long> UnsettledCoveredUsageAsync(BillingDbContext db, ResourcePack pack, CancellationToken ct)
    {
        var meters = (await db.PackTypes.AsNoTracking().FirstAsync(t => t.Code == pack.PackTypeCode, ct)).CoveredMeterList;
        var from = pack.EffectiveAtUtc.AddTicks(-(pack.EffectiveAtUtc.Ticks % TimeSpan.TicksPerHour));
        var rows = await db.UsageHourlyRollups.AsNoTracking()
            .Where(r => r.AccountId == pack.AccountId && meters.Contains(r.MeterCode) && r.HourStartUtc >= from
                && r.HourStartUtc < pack.ExpiresAtUtc)
            .Select(r => r.BillableQuantity - r.BilledQuantity).ToListAsync(ct);
        return rows.Where(x => x > 0).Sum();
    }
}
