using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

public sealed partial class ResourcePack
{
    /// <summary>
    /// Deducts usage that occurred at <paramref name="usageAtUtc"/> (SPEC P4, P5), as decided by
    /// <see cref="PackAllocator"/>. Never goes below zero. Works on an expired pack for usage before its expiry
    /// (SPEC P11). For a cyclic pack the usage counts against the period it occurred in: a newer period first resets
    /// the allowance; an older period (a late settlement) only adds to <see cref="ConsumedTotal"/>, because that
    /// period's remaining is kept in the deduction records.
    /// </summary>
    /// <returns>The pack's <see cref="Remaining"/> after the deduction.</returns>
    public Result<long> Deduct(long quantity, DateTime usageAtUtc, BillingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (!Covers(usageAtUtc))
        {
            return Result<long>.Invalid($"The pack does not cover usage at {usageAtUtc:yyyy-MM-dd HH:mm:ss} UTC.");
        }
        if (!IsCyclic)
        {
            if (quantity > Remaining) return Result<long>.Conflict($"The pack has only {Remaining} left.");
            Remaining -= quantity;
            if (Remaining == 0 && Status == PackStatus.Active) Status = PackStatus.Exhausted;
        }
        else
        {
            var period = PackPeriods.PeriodStartUtc(Cycle, usageAtUtc, calendar);
            if (period > PeriodStartUtc) StartPeriod(period);
            if (period == PeriodStartUtc)
            {
                if (quantity > Remaining) return Result<long>.Conflict($"The pack has only {Remaining} left this period.");
                Remaining -= quantity;
            }
            else if (quantity > Allowance)
            {
                return Result<long>.Conflict($"The pack allows only {Allowance} per period.");
            }
        }
        ConsumedTotal += quantity;
        Touch();
        return Result<long>.Ok(Remaining);
    }

    /// <summary>
    /// Starts a new cycle period of a monthly- or hourly-cycle pack (SPEC P6, P7): the remaining becomes the full
    /// allowance; what was left of the previous period does not roll over. Repeating the current period is a no-op.
    /// </summary>
    /// <returns>The remaining of the new period.</returns>
    public Result<long> ResetCycle(DateTime periodStartUtc)
    {
        if (!IsCyclic) throw new InvalidOperationException($"Pack {Id} has no cycle to reset.");
        if (Status is PackStatus.Expired or PackStatus.Unsubscribed || periodStartUtc >= ExpiresAtUtc)
        {
            return Result<long>.Conflict("The pack is no longer in validity.");
        }
        if (periodStartUtc < PeriodStartUtc) return Result<long>.Conflict("The pack is already in a later period.");
        if (periodStartUtc > PeriodStartUtc) StartPeriod(periodStartUtc);
        return Result<long>.Ok(Remaining);
    }

    /// <summary>
    /// Ends the pack at or after its expiry (SPEC P11). The remaining lapses: it stays on the pack as the lapsed
    /// quantity, covers no later usage, and still absorbs usage from before the expiry when that day is settled.
    /// </summary>
    /// <returns>The quantity that lapsed.</returns>
    public Result<long> Expire(DateTime nowUtc)
    {
        if (nowUtc < ExpiresAtUtc) return Result<long>.Invalid("The pack has not reached its expiry yet.");
        if (Status == PackStatus.Expired) return Result<long>.Conflict("The pack has already expired.");
        if (Status == PackStatus.Unsubscribed) return Result<long>.Conflict("The pack was unsubscribed.");
        Status = PackStatus.Expired;
        Touch();
        return Result<long>.Ok(Remaining);
    }

    private void StartPeriod(DateTime periodStartUtc)
    {
        PeriodStartUtc = periodStartUtc;
        Remaining = Allowance;
        Touch();
    }
}
