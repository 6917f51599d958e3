namespace BillingConsole.Domain.Metering;

/// <summary>
/// Usage per account, meter and local hour, kept in the same transaction as the events it counts, so settlement and
/// the usage page never scan raw events. <see cref="BilledQuantity"/> is what daily billing has already billed of
/// <see cref="BillableQuantity"/>: a late event raises the billable figure of an old hour and the next run bills
/// the difference on a line naming that usage day (SPEC B6). Key: (AccountId, MeterCode, HourStartUtc).
/// </summary>
public sealed class UsageHourlyRollup
{
    public Guid AccountId { get; init; }
    public required string MeterCode { get; init; }
    /// <summary>UTC start of the local hour (billing time zone).</summary>
    public DateTime HourStartUtc { get; init; }
    public DateOnly UsageDay { get; init; }
    public long BillableQuantity { get; set; }
    public long NonBillableQuantity { get; set; }
    public long BilledQuantity { get; set; }
}
