using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;

namespace BillingConsole.Domain.Tests.ResourcePacks;

internal static class PackBuilder
{
    public static readonly BillingCalendar Calendar = BillingCalendar.Shanghai;

    public static readonly PackType RpCalls = Type("RP_CALLS", PackCycle.None);
    public static readonly PackType Messages = Type("IOT_MESSAGES", PackCycle.Monthly);
    public static readonly PackType Storage = Type("IOT_STORAGE", PackCycle.Hourly);

    public static readonly PackSpec Rp1k = Spec(RpCalls, "RP_1K", 1_000, 200m);
    public static readonly PackSpec Rp10k = Spec(RpCalls, "RP_10K", 10_000, 1_800m);
    public static readonly PackSpec RpTrial = Spec(RpCalls, "RP_TRIAL", 100, 0m, trial: true);
    public static readonly PackSpec Msg1k = Spec(Messages, "MSG_1K", 1_000, 10m, months: 6);
    public static readonly PackSpec Msg5k = Spec(Messages, "MSG_5K", 5_000, 40m, months: 6);
    public static readonly PackSpec Storage10 = Spec(Storage, "ST_10", 10, 5m, months: 1);

    /// <summary>2025-03-10 00:00 in Shanghai.</summary>
    public static readonly DateTime DayStartUtc = Calendar.DayStartUtc(new DateOnly(2025, 3, 10));

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static ResourcePack Pack(PackSpec spec, DateTime nowUtc, PackOrigin origin = PackOrigin.Purchased)
    {
        var type = spec.PackTypeCode == RpCalls.Code ? RpCalls : spec.PackTypeCode == Messages.Code ? Messages : Storage;
        var result = ResourcePack.Create(Guid.NewGuid(), type, spec, origin, nowUtc, Calendar);
        return result.Value ?? throw new InvalidOperationException(result.Error);
    }

    public static PackSnapshot Snapshot(DateTime effective, DateTime expires, long remaining, DateTime? purchased = null,
        DateTime? unsubscribed = null) => new()
    {
        PackId = Guid.NewGuid(),
        EffectiveAtUtc = effective,
        ExpiresAtUtc = expires,
        PurchasedAtUtc = purchased ?? effective,
        UnsubscribedAtUtc = unsubscribed,
        Remaining = remaining,
    };

    public static UsageBucket Hour(int hourOfDay, long quantity) =>
        new(DayStartUtc.AddHours(hourOfDay), DayStartUtc.AddHours(hourOfDay + 1), quantity);

    private static PackType Type(string code, PackCycle cycle) => new()
    {
        Code = code, ProductCode = "TEST", Name = code, NameEn = code, Cycle = cycle, CoveredMeters = code,
    };

    private static PackSpec Spec(PackType type, string id, long quantity, decimal price, int months = 12, bool trial = false) => new()
    {
        SpecId = id, PackTypeCode = type.Code, Quantity = quantity, PriceUnits = Money.Yuan(price).Units,
        ValidityMonths = months, Trial = trial,
    };
}
