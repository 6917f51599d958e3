using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using static BillingConsole.Domain.Tests.Metering.CatalogMeters;

namespace BillingConsole.Domain.Tests.Metering;

public sealed partial class UsageEventValidatorTests
{
    [Theory]
    [InlineData("RP", "passed")]
    [InlineData("RP", "failed")]
    [InlineData("FV", "passed")]
    [InlineData("FV", "failed")]
    public void M2_VerdictIsBilled(string service, string outcome)
    {
        var input = ValidRp() with { Service = service, SceneId = null, Outcome = outcome };

        var result = Validator().Validate(input, Now);

        Assert.True(result.IsOk, result.Error);
        Assert.True(result.Value!.Billable);
        Assert.Equal(service, result.Value.MeterCode);
    }

    [Theory]
    [InlineData("RP", "abandoned")]
    [InlineData("RP", "error")]
    [InlineData("FV", "abandoned")]
    [InlineData("FV", "error")]
    public void M2_AbandonedIsStoredNotBilled(string service, string outcome)
    {
        var input = ValidRp() with { Service = service, SceneId = null, Outcome = outcome };

        var result = Validator().Validate(input, Now);

        Assert.True(result.IsOk, result.Error);
        Assert.False(result.Value!.Billable);
    }

    [Fact]
    public void M2_UnknownOutcome_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { Outcome = "foo" }, Now);

        AssertRejected(result, "outcome", "outcome 'foo' is not valid for RP");
    }

    [Theory]
    [InlineData("FACE_COMPARE", "score_returned", true)]
    [InlineData("FACE_COMPARE", "error", false)]
    [InlineData("FACE_ATTRIBUTE", "result_returned", true)]
    [InlineData("FACE_ATTRIBUTE", "error", false)]
    public void M3_FaceApisCountOnlyWhenAResultIsReturned(string service, string outcome, bool billable)
    {
        var input = ValidRp() with { Service = service, SceneId = null, Outcome = outcome };

        var result = Validator().Validate(input, Now);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(billable, result.Value!.Billable);
    }

    [Fact]
    public void M3_FaceCompareWithVerificationOutcome_IsRejected()
    {
        var input = ValidRp() with { Service = "FACE_COMPARE", SceneId = null, Outcome = "passed" };

        var result = Validator().Validate(input, Now);

        AssertRejected(result, "outcome", "outcome 'passed' is not valid for FACE_COMPARE");
    }

    [Fact]
    public void M5_EventAt2359SixtyShanghai_BelongsToThatDay()
    {
        var lastInstant = new DateTime(2026, 11, 26, 15, 59, 59, 999, DateTimeKind.Utc); // 23:59:59.999 UTC+8

        var result = Validator().Validate(ValidRp() with { OccurredAt = lastInstant }, Now);

        Assert.Equal(new DateOnly(2026, 11, 26), result.Value!.UsageDay);
    }

    [Fact]
    public void M5_MidnightShanghai_BelongsToTheNextDayAlthoughUtcDayDiffers()
    {
        var midnight = new DateTime(2026, 11, 26, 16, 0, 0, DateTimeKind.Utc);

        var result = Validator().Validate(ValidRp() with { OccurredAt = midnight }, Now);

        Assert.Equal(new DateOnly(2026, 11, 27), result.Value!.UsageDay);
        Assert.Equal(midnight, result.Value.OccurredAtUtc);
    }

    [Fact]
    public void M6_OlderThanWindow_IsRejected()
    {
        var input = ValidRp() with { OccurredAt = Now.AddDays(-7).AddTicks(-1) };

        var result = Validator().Validate(input, Now);

        AssertRejected(result, "occurredAt", "occurredAt is older than the 7-day acceptance window");
    }

    [Fact]
    public void M6_ExactlyAtWindowEdge_IsAccepted()
    {
        var result = Validator().Validate(ValidRp() with { OccurredAt = Now.AddDays(-7) }, Now);

        Assert.True(result.IsOk, result.Error);
    }

    [Fact]
    public void M6_ConfiguredWindow_IsUsedAndNamedInReason()
    {
        var rules = new UsageEventRules { AcceptanceWindow = TimeSpan.FromDays(1) };

        var result = Validator(rules).Validate(ValidRp() with { OccurredAt = Now.AddDays(-2) }, Now);

        AssertRejected(result, "occurredAt", "occurredAt is older than the 1-day acceptance window");
    }

    [Fact]
    public void M6_FiveMinutesAhead_IsAcceptedForClockSkew()
    {
        var result = Validator().Validate(ValidRp() with { OccurredAt = Now.AddMinutes(5) }, Now);

        Assert.True(result.IsOk, result.Error);
    }

    [Fact]
    public void M6_MoreThanFiveMinutesAhead_IsRejected()
    {
        var input = ValidRp() with { OccurredAt = Now.AddMinutes(5).AddSeconds(1) };

        var result = Validator().Validate(input, Now);

        AssertRejected(result, "occurredAt", "occurredAt is more than 5 minutes in the future");
    }

    [Fact]
    public void M6_MissingOccurredAt_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { OccurredAt = null }, Now);

        AssertRejected(result, "occurredAt", "occurredAt is required");
    }

    internal static void AssertRejected(Result<ValidatedUsageEvent> result, string field, string reason)
    {
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(reason, result.Error);
        Assert.Equal([reason], result.FieldErrors[field]);
    }
}
