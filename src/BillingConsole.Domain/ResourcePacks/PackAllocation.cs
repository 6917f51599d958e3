namespace BillingConsole.Domain.ResourcePacks;

/// <summary>The outcome of <see cref="PackAllocator.Allocate"/>: what each pack covers and what is pay-as-you-go.</summary>
public sealed record PackAllocation(IReadOnlyList<PackDeduction> Deductions, IReadOnlyList<UsageBucket> PayAsYouGo)
{
    public long DeductedQuantity => Deductions.Sum(d => d.Quantity);

    /// <summary>The usage no pack covers, billed at the unit price (SPEC P4, B2).</summary>
    public long PayAsYouGoQuantity => PayAsYouGo.Sum(b => b.Quantity);
}
