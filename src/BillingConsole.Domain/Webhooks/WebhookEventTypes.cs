namespace BillingConsole.Domain.Webhooks;

/// <summary>The event types of API.md "Webhooks and forecasts".</summary>
public static class WebhookEventTypes
{
    public const string QuotaAlertTriggered = "quota_alert.triggered";
    public const string QuotaAlertRecovered = "quota_alert.recovered";
    public const string BalanceLow = "balance.low";
    public const string BalanceForecast = "balance.forecast";
    public const string BillIssued = "bill.issued";
    public const string AccountArrears = "account.arrears";
    public const string AccountSuspended = "account.suspended";
    public const string AccountRestored = "account.restored";
    public const string RechargeSucceeded = "recharge.succeeded";
    public const string PackExpiring = "pack.expiring";
    public const string Test = "webhook.test";
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known =
    [
        QuotaAlertTriggered, QuotaAlertRecovered, BalanceLow, BalanceForecast, BillIssued, AccountArrears,
        AccountSuspended, AccountRestored, RechargeSucceeded, PackExpiring, Test,
    ];

    public static bool IsKnown(string type) => Known.Contains(type, StringComparer.Ordinal);
}
