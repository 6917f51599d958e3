using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

public sealed partial class ResourcePack
{
    /// <summary>Checks an upgrade without changing anything (SPEC P8); the price difference to pay.</summary>
    public Result<Money> QuoteUpgrade(PackSpec larger, DateTime nowUtc)
    {
        var refusal = RefuseChange(larger, nowUtc, "upgraded");
        if (refusal is not null) return Result<Money>.Invalid(refusal);
        if (larger.Trial || larger.Quantity <= SpecQuantity)
        {
            return Result<Money>.Invalid("spec", "Choose a larger spec than the pack's current one.");
        }
        return Result<Money>.Ok(Money.FromUnits(Math.Max(0, larger.PriceUnits - SpecPriceUnits)));
    }

    /// <summary>
    /// Moves this pack to a larger spec of its type (SPEC P8): total and remaining (for cyclic packs the allowance
    /// and this period's remaining) grow by the difference; the expiry is unchanged.
    /// </summary>
    /// <returns>The price difference, to be paid from the balance in the same transaction.</returns>
    public Result<Money> Upgrade(PackSpec larger, DateTime nowUtc)
    {
        var quote = QuoteUpgrade(larger, nowUtc);
        if (!quote.IsOk) return quote;
        var extra = larger.Quantity - SpecQuantity;
        Total += extra;
        Remaining += extra;
        if (IsCyclic) Allowance += extra;
        SpecId = larger.SpecId;
        SpecQuantity = larger.Quantity;
        SpecPriceUnits = larger.PriceUnits;
        PaidUnits += quote.Value.Units;
        if (Status == PackStatus.Exhausted) Status = PackStatus.Active;
        Touch();
        return quote;
    }

    /// <summary>Checks a renewal without changing anything (SPEC P9); the spec price to pay again.</summary>
    public Result<Money> QuoteRenewal(PackSpec spec, DateTime nowUtc)
    {
        var refusal = RefuseChange(spec, nowUtc, "renewed");
        if (refusal is not null) return Result<Money>.Invalid(refusal);
        if (spec.SpecId != SpecId) return Result<Money>.Invalid("spec", "A pack is renewed with its own spec.");
        return Result<Money>.Ok(spec.Price);
    }

    /// <summary>
    /// Renews the pack (SPEC P9): the expiry moves one validity period later (local calendar months); a non-cyclic
    /// pack's total and remaining grow by the spec quantity.
    /// </summary>
    /// <returns>The spec price, to be paid from the balance in the same transaction.</returns>
    public Result<Money> Renew(PackSpec spec, DateTime nowUtc, BillingCalendar calendar)
    {
        var quote = QuoteRenewal(spec, nowUtc);
        if (!quote.IsOk) return quote;
        ExpiresAtUtc = PackPeriods.AddMonthsUtc(ExpiresAtUtc, spec.ValidityMonths, calendar);
        if (!IsCyclic)
        {
            Total += spec.Quantity;
            Remaining += spec.Quantity;
        }
        PaidUnits += spec.PriceUnits;
        if (Status == PackStatus.Exhausted) Status = PackStatus.Active;
        Touch();
        return quote;
    }

    /// <summary>
    /// Unsubscribes (退订, SPEC P10) an unused pack within <see cref="UnsubscribeWindow"/> of its purchase.
    /// <paramref name="unsettledCoveredUsage"/> is the billable usage of the pack's meters inside its validity that is
    /// not settled yet: the pack would still cover it (SPEC P4), so while it is non-zero the pack is not unused.
    /// </summary>
    /// <returns>The cash to refund to the balance: everything paid, nothing for a trial pack.</returns>
    public Result<Money> Unsubscribe(DateTime nowUtc, long unsettledCoveredUsage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unsettledCoveredUsage);
        if (Status == PackStatus.Unsubscribed) return Result<Money>.Conflict("The pack is already unsubscribed.");
        if (Origin == PackOrigin.Granted) return Result<Money>.Invalid("A granted pack cannot be unsubscribed.");
        if (Status == PackStatus.Expired || nowUtc >= ExpiresAtUtc) return Result<Money>.Invalid("The pack has expired.");
        if (nowUtc >= PurchasedAtUtc + UnsubscribeWindow)
        {
            return Result<Money>.Invalid("A pack can be unsubscribed only within 5 days of purchase.");
        }
        if (ConsumedTotal != 0 || Remaining != Total || unsettledCoveredUsage != 0)
        {
            return Result<Money>.Invalid("Only an unused pack can be unsubscribed.");
        }
        Status = PackStatus.Unsubscribed;
        UnsubscribedAtUtc = nowUtc;
        Touch();
        return Result<Money>.Ok(Origin == PackOrigin.Trial ? Money.Zero : Paid);
    }

    private ResultMessage? RefuseChange(PackSpec spec, DateTime nowUtc, ResultMessage verb)
    {
        if (spec.PackTypeCode != PackTypeCode) return "The spec belongs to another pack type.";
        if (Origin != PackOrigin.Purchased) return $"Only a bought pack can be {verb}.";
        if (Status == PackStatus.Unsubscribed) return $"An unsubscribed pack cannot be {verb}.";
        if (Status == PackStatus.Expired || nowUtc >= ExpiresAtUtc) return $"An expired pack cannot be {verb}.";
        return null;
    }
}
