namespace BillingConsole.Domain.Forecasts;

/// <summary>
/// An account's forecast alerts (SPEC F2, off by default) and monthly budget (SPEC F3), with what has been sent:
/// <see cref="BalanceAlertActive"/> and <see cref="ActivePackTypes"/> remember a crossing until it ends (once per
/// crossing, then one "recovered" message); <see cref="BudgetMonth"/> with <see cref="BudgetSent"/> remembers the
/// budget alerts of the month (each at most once a month).
/// </summary>
public sealed class ForecastAlertRule
{
    public const int DefaultDays = 7;
    public const string DefaultPercents = "50,80,100";
    public const int ListMaxLength = 1000;

    private ForecastAlertRule()
    {
        BudgetPercents = DefaultPercents;
        ActivePackTypes = string.Empty;
        BudgetSent = string.Empty;
    }

    public Guid AccountId { get; private set; }
    public bool BalanceEnabled { get; private set; }
    public int BalanceDays { get; private set; }
    public bool PacksEnabled { get; private set; }
    public int PackDays { get; private set; }
    /// <summary>The monthly budget in money units; null when none.</summary>
    public long? BudgetUnits { get; private set; }
    public string BudgetPercents { get; private set; }
    public bool BalanceAlertActive { get; private set; }
    public string ActivePackTypes { get; private set; }
    /// <summary>The month (yyyy-MM) <see cref="BudgetSent"/> belongs to.</summary>
    public string? BudgetMonth { get; private set; }
    /// <summary>Comma list of the budget alerts sent this month: percentages and <c>forecast</c>.</summary>
    public string BudgetSent { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; private set; }

    public static ForecastAlertRule CreateDefault(Guid accountId, DateTime nowUtc) => new()
    {
        AccountId = accountId,
        BalanceDays = DefaultDays,
        PackDays = DefaultDays,
        UpdatedAtUtc = nowUtc,
        Version = Guid.NewGuid(),
    };

    public IReadOnlyList<int> PercentList => BudgetPercents.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(int.Parse).Order().ToList();

    public void Configure(bool balanceEnabled, int balanceDays, bool packsEnabled, int packDays, long? budgetUnits,
        IEnumerable<int> percents, DateTime nowUtc)
    {
        BalanceEnabled = balanceEnabled;
        BalanceDays = Math.Clamp(balanceDays, 1, 365);
        PacksEnabled = packsEnabled;
        PackDays = Math.Clamp(packDays, 1, 365);
        BudgetUnits = budgetUnits is > 0 ? budgetUnits : null;
        BudgetPercents = string.Join(',', percents.Where(p => p is >= 1 and <= 1000).Distinct().Order());
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public void SetBalanceActive(bool active)
    {
        BalanceAlertActive = active;
        Version = Guid.NewGuid();
    }

    public void SetActivePackTypes(IEnumerable<string> codes)
    {
        ActivePackTypes = string.Join(',', codes.Order(StringComparer.Ordinal));
        Version = Guid.NewGuid();
    }

    /// <summary>Marks a budget alert of <paramref name="month"/> sent; false when it was already sent this month.</summary>
    public bool TryMarkBudgetSent(string month, string what)
    {
        if (BudgetMonth != month)
        {
            BudgetMonth = month;
            BudgetSent = string.Empty;
        }
        var sent = BudgetSent.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (sent.Contains(what, StringComparer.Ordinal)) return false;
        BudgetSent = string.Join(',', sent.Append(what));
        Version = Guid.NewGuid();
        return true;
    }
}
