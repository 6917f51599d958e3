using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.Tests.Metering;

/// <summary>The default Cloudauth meters (SPEC catalog table), built in code: domain tests read no data file.</summary>
internal static class CatalogMeters
{
    public static readonly DateTime Now = new(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc);

    public static Meter Rp { get; } = Build("RP", 1.00m, "RP", "passed,failed,abandoned,error", "passed,failed");
    public static Meter Fv { get; } = Build("FV", 0.182m, "FV", "passed,failed,abandoned,error", "passed,failed");
    public static Meter FaceCompare { get; } =
        Build("FACE_COMPARE", 0.006m, null, "score_returned,error", "score_returned");
    public static Meter FaceAttribute { get; } =
        Build("FACE_ATTRIBUTE", 0.006m, null, "result_returned,error", "result_returned");
    public static Meter OfflineSdk { get; } = new()
    {
        Code = "OFFLINE_SDK", ProductCode = "CLOUDAUTH", Name = "离线人脸识别SDK", NameEn = "Offline face SDK",
        Unit = "device-year", UnitPriceUnits = Money.Yuan(399.00m).Units, Outcomes = "", BillableOutcomes = "",
        Metered = false,
    };

    public static IReadOnlyDictionary<string, Meter> ByCode { get; } =
        new[] { Rp, Fv, FaceCompare, FaceAttribute, OfflineSdk }.ToDictionary(m => m.Code, StringComparer.Ordinal);

    public static UsageEventValidator Validator(UsageEventRules? rules = null) =>
        new(ByCode, BillingCalendar.Shanghai, rules);

    /// <summary>A valid RP event a minute before <see cref="Now"/>; tests change one field with <c>with</c>.</summary>
    public static UsageEventInput ValidRp(string eventId = "evt-1") => new()
    {
        EventId = eventId,
        Service = "RP",
        SceneId = "RP1001",
        Outcome = "passed",
        OccurredAt = Now.AddMinutes(-1),
    };

    private static Meter Build(string code, decimal price, string? prefix, string outcomes, string billable) => new()
    {
        Code = code, ProductCode = "CLOUDAUTH", Name = code, NameEn = code, Unit = "call",
        UnitPriceUnits = Money.Yuan(price).Units, ScenePrefix = prefix, Outcomes = outcomes,
        BillableOutcomes = billable,
    };
}
