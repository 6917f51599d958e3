using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>
/// SPEC J1 pack lifecycle: marks packs past their expiry as expired (P11) and starts the new month's allowance of
/// monthly-cycle packs (P6). Idempotent: an expired pack is skipped, and a reset to the current month repeats as a
/// no-op, so a second run or a second node changes nothing. Each pack is saved alone so a concurrency clash with
/// daily billing retries that pack only.
/// </summary>
public sealed class PackLifecycleJob(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts, ILogger<PackLifecycleJob> logger) : IBillingJob
{
    public string Id => RecurringJobs.PackLifecycle;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var monthStart = calendar.MonthStartUtc(calendar.MonthOf(now));
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.ResourcePacks.AsNoTracking()
                .Where(p => (p.Status == PackStatus.Active || p.Status == PackStatus.Exhausted)
                    && (p.ExpiresAtUtc <= now || (p.Cycle == PackCycle.Monthly && p.PeriodStartUtc < monthStart)))
                .Select(p => p.Id).ToListAsync(ct);
        }
        var (expired, reset) = (0, 0);
        foreach (var packId in due)
        {
            var change = await ConcurrencyRetry.ExecuteAsync(c => ApplyAsync(packId, now, monthStart, c), ct);
            if (change == Change.Expired) expired++;
            if (change == Change.Reset) reset++;
        }
        logger.LogInformation("PackLifecycle: {Expired} expired, {Reset} reset", expired, reset);
        return $"{expired} expired, {reset} reset";
    }

    private enum Change { None, Expired, Reset }

    private async Task<Change> ApplyAsync(Guid packId, DateTime now, DateTime monthStart, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await db.ResourcePacks.FirstAsync(p => p.Id == packId, ct);
        var change = Change.None;
        if (now >= pack.ExpiresAtUtc)
        {
            if (pack.Expire(now).IsOk) change = Change.Expired;
        }
        else if (pack.Cycle == PackCycle.Monthly && pack.PeriodStartUtc < monthStart && pack.ResetCycle(monthStart).IsOk)
        {
            change = Change.Reset;
        }
        if (change != Change.None) await db.SaveChangesAsync(ct);
        if (change == Change.Expired) alerts.AfterPackChange(pack.AccountId, QuotaAlertTrigger.Expiry);
        return change;
    }
}
