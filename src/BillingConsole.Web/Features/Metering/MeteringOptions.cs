namespace BillingConsole.Web.Features.Metering;

/// <summary>The <c>Metering:*</c> keys of SPEC "Configuration keys".</summary>
public sealed class MeteringOptions
{
    /// <summary>How old a usage event may be (SPEC M6).</summary>
    public TimeSpan AcceptanceWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long raw usage events of billed days are kept (issue #22; roll-ups, bills and ledger forever).</summary>
    public TimeSpan RawEventRetention { get; set; } = TimeSpan.FromDays(400);
}
