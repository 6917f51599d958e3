using BillingConsole.Domain.Metering;

namespace BillingConsole.Web.Features.Demo;

/// <summary>A plausible day of verification traffic for the demo account, the same on every machine (fixed seed).</summary>
internal static class DemoUsage
{
    private static readonly (string Service, string Scene, (string Outcome, int Min, int Max)[] Outcomes)[] Calls =
    [
        ("RP", "RPBasic", [("passed", 15, 40), ("failed", 2, 6), ("abandoned", 1, 4)]),
        ("FV", "FVLiveness", [("passed", 60, 140), ("failed", 8, 16), ("abandoned", 4, 10), ("error", 0, 3)]),
        ("FACE_COMPARE", "", [("score_returned", 150, 400), ("error", 0, 5)]),
        ("FACE_ATTRIBUTE", "", [("result_returned", 40, 120)]),
    ];

    /// <summary>Events of one local day between 08:00 and 20:00 (or up to <paramref name="untilUtc"/> for today).</summary>
    public static List<UsageEventInput> Day(DateOnly day, DateTime dayStartUtc, DateTime untilUtc)
    {
        var random = new Random(day.DayNumber);
        var events = new List<UsageEventInput>();
        var from = dayStartUtc.AddHours(8);
        var span = Math.Min(12 * 3600, (untilUtc - from).TotalSeconds);
        if (span <= 60) return events;
        var n = 0;
        foreach (var (service, scene, outcomes) in Calls)
        {
            foreach (var (outcome, min, max) in outcomes)
            {
                for (var i = random.Next(min, max + 1); i > 0; i--)
                {
                    events.Add(new UsageEventInput
                    {
                        EventId = $"demo-{day:yyyyMMdd}-{n++}",
                        Service = service,
                        SceneId = scene.Length == 0 ? null : scene + random.Next(1, 4),
                        Outcome = outcome,
                        OccurredAt = from.AddSeconds(random.NextDouble() * span),
                    });
                }
            }
        }
        events.Add(new UsageEventInput
        {
            EventId = $"demo-{day:yyyyMMdd}-{n++}", Service = "IOT_MESSAGES", Outcome = "delivered",
            OccurredAt = from.AddSeconds(span / 2), Quantity = random.Next(15_000, 35_000),
        });
        return events;
    }
}
