namespace BillingConsole.Web.Features.Metering;

/// <summary>The <c>Metering:*</c> keys of SPEC "Configuration keys".</summary>
public sealed class MeteringOptions
{
    /// <summary>How old a usage event may be (SPEC M6).</summary>
    public TimeSpan AcceptanceWindow { get; set; } = TimeSpan.FromDays(7);
}
