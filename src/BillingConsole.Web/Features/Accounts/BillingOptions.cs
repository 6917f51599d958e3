namespace BillingConsole.Web.Features.Accounts;

/// <summary>The <c>Billing:*</c> keys of SPEC "Configuration keys".</summary>
public sealed class BillingOptions
{
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>When the daily billing job fires, in the billing time zone (SPEC B1).</summary>
    public TimeOnly DailyRunAt { get; set; } = new(10, 0);
    /// <summary>How long an account in arrears keeps service (SPEC B7).</summary>
    public TimeSpan ArrearsGracePeriod { get; set; } = TimeSpan.FromHours(24);
}
