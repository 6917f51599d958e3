using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>What one daily billing run did.</summary>
public sealed record DailyBillingSummary(int Issued, int Skipped, int Failed)
{
    public override string ToString() =>
        $"{Issued} bills issued, {Skipped} skipped" + (Failed > 0 ? $", {Failed} failed" : "");
}

/// <summary>
/// SPEC B1, B4–B6: bills every ended, unbilled (account, day), oldest first per account. Candidates come from one
/// grouped query over the hourly roll-ups (events are never loaded). Each (account, day) is its own transaction, so a
/// run killed in the middle leaves whole bills behind and the next run finishes the rest; two runs at once are
/// decided by the bill's unique key.
/// </summary>
public sealed class RunDailyBillingHandler(IDbContextFactory<BillingDbContext> dbFactory, SettleAccountDayHandler settle,
    TimeProvider clock, BillingCalendar calendar, AlertTriggers alerts, ILogger<RunDailyBillingHandler> logger)
{
    public async Task<DailyBillingSummary> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var newestEnded = calendar.DayOf(now).AddDays(-1);
        var run = SettlementRun.Start(now, newestEnded);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.SettlementRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        SettlementCatalog catalog;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) catalog = await SettlementCatalog.LoadAsync(db, ct);

        var (issued, skipped, failed) = (0, 0, 0);
        var billed = new List<Guid>();
        try
        {
            foreach (var (accountId, days) in await CandidatesAsync(newestEnded, ct))
            {
                foreach (var cmd in days)
                {
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        var outcome = await settle.HandleAsync(cmd, catalog, ct);
                        if (outcome == SettleOutcome.Issued)
                        {
                            issued++;
                            if (billed.Count == 0 || billed[^1] != accountId) billed.Add(accountId);
                        }
                        else skipped++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One broken account must not stop everyone else's bills; the next run retries it.
                        failed++;
                        logger.LogError(e, "DailyBilling: account {AccountId} day {Day} failed", accountId, cmd.BillDay);
                        break;
                    }
                }
            }
        }
        finally
        {
            // SPEC A2, A6: deductions and the bills' charges are evaluated for alerts after the commits, once per run
            // (also for the bills a cancelled run did commit).
            alerts.AfterBillingRun(billed);
        }

        var summary = new DailyBillingSummary(issued, skipped, failed);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.SettlementRuns.Attach(run);
            run.Finish(clock.GetUtcNow().UtcDateTime, issued, skipped, failed, summary.ToString());
            await db.SaveChangesAsync(ct);
        }
        return summary;
    }

    /// <summary>
    /// Per account, the days to bill in order: every unbilled day with unbilled usage, plus the newest ended day when
    /// usage of an already billed day is waiting (it goes on that bill, SPEC B6).
    /// </summary>
    private async Task<IReadOnlyList<(Guid AccountId, List<SettleAccountDayCommand> Days)>> CandidatesAsync(
        DateOnly newestEnded, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.UsageHourlyRollups.AsNoTracking()
            .Where(r => r.UsageDay <= newestEnded && r.BillableQuantity > r.BilledQuantity)
            .GroupBy(r => new { r.AccountId, r.UsageDay })
            .Select(g => new
            {
                g.Key.AccountId,
                g.Key.UsageDay,
                Billed = db.Bills.Any(b => b.AccountId == g.Key.AccountId && b.UsageDay == g.Key.UsageDay),
            })
            .ToListAsync(ct);

        return groups.GroupBy(g => g.AccountId).Select(account =>
        {
            var days = account.Where(g => !g.Billed).Select(g => g.UsageDay).ToHashSet();
            if (account.Any(g => g.Billed)) days.Add(newestEnded);
            var commands = days.Order()
                .Select(d => new SettleAccountDayCommand(account.Key, d, IncludeLateUsage: d == newestEnded))
                .ToList();
            return (account.Key, commands);
        }).ToList();
    }
}
