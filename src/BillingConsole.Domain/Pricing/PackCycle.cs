namespace BillingConsole.Domain.Pricing;

/// <summary>How a pack's quantity is handed out over its validity (SPEC P6, P7).</summary>
public enum PackCycle
{
    /// <summary>One quantity for the whole validity.</summary>
    None,
    /// <summary>An allowance that resets at the start of each natural month in the billing time zone.</summary>
    Monthly,
    /// <summary>An allowance per hour; quota alerts do not support it.</summary>
    Hourly,
}
