namespace BillingConsole.Domain.Pricing;

/// <summary>A product of the catalog (Cloudauth 实人认证, the demo IoT product…).</summary>
public sealed class Product
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}
