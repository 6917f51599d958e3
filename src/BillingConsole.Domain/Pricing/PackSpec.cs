using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Pricing;

/// <summary>A purchasable size of a pack type (1,000 RP calls for 12 months…). For cyclic packs the quantity is
/// the allowance per month or per hour.</summary>
public sealed class PackSpec
{
    public required string SpecId { get; init; }
    public required string PackTypeCode { get; init; }
    public required long Quantity { get; set; }
    public required long PriceUnits { get; set; }
    public required int ValidityMonths { get; set; }
    /// <summary>The free trial pack (SPEC P2): price 0, only as the account's first pack of its type.</summary>
    public bool Trial { get; init; }
    /// <summary>Prices marked as demo values in the data file.</summary>
    public bool DemoPrice { get; init; }
    /// <summary>Hidden from the purchase page (kept for packs that were sold before).</summary>
    public bool Retired { get; set; }

    public Money Price => Money.FromUnits(PriceUnits);
}
