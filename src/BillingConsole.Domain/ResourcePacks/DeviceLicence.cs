using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// An offline face SDK licence for one Android device (SPEC P13): bought per device and year, or a free 30-day test
/// licence. A device id is registered to it once.
/// </summary>
public sealed class DeviceLicence
{
    /// <summary>One licence year; renewals extend by whole multiples of it.</summary>
    public static readonly TimeSpan Year = TimeSpan.FromDays(365);

    /// <summary>How long a free test licence runs.</summary>
    public static readonly TimeSpan TestPeriod = TimeSpan.FromDays(30);

    private DeviceLicence()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTime BeginsAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public string? DeviceId { get; private set; }
    public DateTime? RegisteredAtUtc { get; private set; }
    public bool IsTest { get; private set; }
    /// <summary>
    /// Which of the account's free test licences this is (1 or 2; null for paid ones). Unique per account in the
    /// database, so two concurrent requests cannot both take the last free one (SPEC P13).
    /// </summary>
    public int? TestSlot { get; private set; }
    /// <summary>Cash paid for this licence and its renewals, in <see cref="Money"/> units.</summary>
    public long PaidUnits { get; private set; }
    /// <summary>App-managed optimistic concurrency token, replaced on every change.</summary>
    public Guid Version { get; private set; }

    public bool IsValidAt(DateTime utc) => utc >= BeginsAtUtc && utc < ExpiresAtUtc;

    /// <summary>A paid licence for <paramref name="years"/> years from <paramref name="nowUtc"/>.</summary>
    internal static DeviceLicence Paid(Guid accountId, int years, long paidUnits, DateTime nowUtc) =>
        New(accountId, nowUtc, nowUtc + Year * years, isTest: false, paidUnits);

    /// <summary>A free 30-day test licence in <paramref name="slot"/>; check <see cref="TestLicenceEligibility"/> first.</summary>
    public static DeviceLicence CreateTest(Guid accountId, DateTime nowUtc, int slot = 1)
    {
        var licence = New(accountId, nowUtc, nowUtc + TestPeriod, isTest: true, paidUnits: 0);
        licence.TestSlot = slot;
        return licence;
    }

    /// <summary>Binds a device to this licence, once.</summary>
    public Result<string> RegisterDevice(string deviceId, DateTime nowUtc)
    {
        if (!DeviceIdFormat.IsValid(deviceId))
        {
            return Result<string>.Invalid("deviceId", "A device id is 1–64 letters, digits, '-', '_' or ':'.");
        }
        if (DeviceId is not null) return Result<string>.Conflict("This licence already has a device.");
        if (nowUtc >= ExpiresAtUtc) return Result<string>.Invalid("The licence has expired.");
        DeviceId = deviceId;
        RegisteredAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return Result<string>.Ok(deviceId);
    }

    /// <summary>
    /// Extends by 365 days × <paramref name="years"/>: from the current expiry, or from now when the licence has
    /// already lapsed, so a late renewal still buys whole years. Test licences are not renewed.
    /// </summary>
    /// <param name="unitPrice">The OFFLINE_SDK meter's price per device and year.</param>
    /// <returns>The price to pay from the balance in the same transaction.</returns>
    public Result<Money> Renew(int years, Money unitPrice, DateTime nowUtc)
    {
        if (years is < 1 or > DeviceLicencePurchase.MaxYears)
        {
            return Result<Money>.Invalid("years", $"Choose 1 to {DeviceLicencePurchase.MaxYears} years.");
        }
        if (IsTest) return Result<Money>.Invalid("A test licence cannot be renewed; buy a licence instead.");
        var price = unitPrice * years;
        ExpiresAtUtc = (ExpiresAtUtc > nowUtc ? ExpiresAtUtc : nowUtc) + Year * years;
        PaidUnits += price.Units;
        Version = Guid.NewGuid();
        return Result<Money>.Ok(price);
    }

    private static DeviceLicence New(Guid accountId, DateTime begins, DateTime expires, bool isTest, long paidUnits) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        BeginsAtUtc = begins,
        ExpiresAtUtc = expires,
        IsTest = isTest,
        PaidUnits = paidUnits,
        Version = Guid.NewGuid(),
    };
}
