using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// The account-wide low-balance alert (SPEC A6): off by default; when on, a bill or purchase that leaves the cash
/// balance below <see cref="Threshold"/> fires once, and the rule stays quiet until the balance is seen back at or above
/// the amount (a recharge, usually), which re-arms it. Each arming has its own <see cref="ArmCount"/>, which is part
/// of the occurrence key, so the database can enforce "once per dip" even when two nodes observe the same bill.
/// </summary>
public sealed class LowBalanceAlertRule
{
    private LowBalanceAlertRule() { }

    public Guid AccountId { get; private set; }
    public bool Enabled { get; private set; }
    /// <summary>The amount in CNY; meaningful only when <see cref="Enabled"/>.</summary>
    public Money Threshold { get; private set; }
    /// <summary>Counts armings: +1 each time the rule re-arms after firing, or when its setting changes.</summary>
    public long ArmCount { get; private set; }
    /// <summary>True while the current arming has not fired yet.</summary>
    public bool Armed { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    /// <summary>App-managed optimistic concurrency token (STYLE §5), renewed on every change.</summary>
    public Guid Version { get; private set; }

    /// <summary>The default rule of a new account: off.</summary>
    public static LowBalanceAlertRule CreateDefault(Guid accountId, DateTime nowUtc) => new()
    {
        AccountId = accountId,
        Enabled = false,
        Threshold = Money.Zero,
        ArmCount = 0,
        Armed = true,
        UpdatedAtUtc = nowUtc,
        Version = Guid.NewGuid(),
    };

    /// <summary>
    /// Turns the alert on or off and sets the amount. A change re-arms, so a balance already below a new amount alerts
    /// at the next bill or purchase (as A4 does for quota alerts). When turning it off the amount is kept as it was.
    /// </summary>
    public Result<LowBalanceAlertRule> Configure(bool enabled, Money threshold, DateTime nowUtc)
    {
        if (enabled && !threshold.IsPositive)
        {
            return Result<LowBalanceAlertRule>.Invalid(nameof(Threshold), "The low-balance amount must be greater than 0.");
        }
        if (enabled && !threshold.IsWholeFen)
        {
            return Result<LowBalanceAlertRule>.Invalid(nameof(Threshold),
                "The low-balance amount can have at most 2 decimals.");
        }
        var newThreshold = enabled ? threshold : Threshold;
        if (enabled == Enabled && newThreshold == Threshold) return Result<LowBalanceAlertRule>.Ok(this);

        Enabled = enabled;
        Threshold = newThreshold;
        Rearm();
        UpdatedAtUtc = nowUtc;
        return Result<LowBalanceAlertRule>.Ok(this);
    }

    /// <summary>
    /// Observes the cash balance right after a ledger movement and returns the alert to send, if any. Call it in the
    /// same transaction that posts the movement and saves this rule.
    /// </summary>
    public LowBalanceAlert? Observe(BalanceMovement movement, Money balanceAfter, DateTime nowUtc)
    {
        if (!Enabled) return null;
        if (balanceAfter >= Threshold)
        {
            // Any credit that ends the dip re-arms, not only a recharge: the next dip is a new occurrence.
            if (!Armed)
            {
                Rearm();
                UpdatedAtUtc = nowUtc;
            }
            return null;
        }
        if (!Armed || movement is not (BalanceMovement.Bill or BalanceMovement.Purchase)) return null;

        Armed = false;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return new LowBalanceAlert
        {
            OccurrenceKey = QuotaAlertOccurrenceKeys.LowBalance(AccountId, ArmCount),
            AccountId = AccountId,
            Balance = balanceAfter,
            Threshold = Threshold,
            Cause = movement,
            AtUtc = nowUtc,
        };
    }

    private void Rearm()
    {
        ArmCount++;
        Armed = true;
        Version = Guid.NewGuid();
    }
}
