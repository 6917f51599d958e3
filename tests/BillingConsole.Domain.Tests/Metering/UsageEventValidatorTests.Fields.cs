using BillingConsole.Domain.Metering;
using static BillingConsole.Domain.Tests.Metering.CatalogMeters;

namespace BillingConsole.Domain.Tests.Metering;

public sealed partial class UsageEventValidatorTests
{
    [Fact]
    public void M7_FvSceneOnRp_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { SceneId = "FV123" }, Now);

        AssertRejected(result, "sceneId", "sceneId 'FV123' does not match service RP");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void M7_SceneIdIsOptional(string? sceneId)
    {
        var result = Validator().Validate(ValidRp() with { SceneId = sceneId }, Now);

        Assert.True(result.IsOk, result.Error);
        Assert.Null(result.Value!.SceneId);
    }

    [Fact]
    public void M7_PrefixIsCaseSensitive()
    {
        var result = Validator().Validate(ValidRp() with { SceneId = "rp1001" }, Now);

        AssertRejected(result, "sceneId", "sceneId 'rp1001' does not match service RP");
    }

    [Fact]
    public void M7_MeterWithoutPrefix_AcceptsAnySceneId()
    {
        var input = ValidRp() with { Service = "FACE_COMPARE", Outcome = "score_returned", SceneId = "x-1_Y" };

        var result = Validator().Validate(input, Now);

        Assert.Equal("x-1_Y", result.Value!.SceneId);
    }

    [Fact]
    public void M7_SceneIdLongerThan64_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { SceneId = "RP" + new string('1', 63) }, Now);

        AssertRejected(result, "sceneId", "sceneId is longer than 64 characters");
    }

    [Theory]
    [InlineData("RP 1")]
    [InlineData("RP.1")]
    [InlineData("RP１")]
    public void M7_SceneIdWithOtherCharacters_IsRejected(string sceneId)
    {
        var result = Validator().Validate(ValidRp() with { SceneId = sceneId }, Now);

        AssertRejected(result, "sceneId", "sceneId may contain only letters, digits, '-' and '_'");
    }

    [Fact]
    public void M8_MissingQuantity_DefaultsToOne()
    {
        var result = Validator().Validate(ValidRp() with { Quantity = null }, Now);

        Assert.Equal(1, result.Value!.Quantity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public void M8_QuantityInRange_IsKept(long quantity)
    {
        var result = Validator().Validate(ValidRp() with { Quantity = quantity }, Now);

        Assert.Equal(quantity, result.Value!.Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    [InlineData(long.MaxValue)]
    public void M8_QuantityOutOfRange_IsRejected(long quantity)
    {
        var result = Validator().Validate(ValidRp() with { Quantity = quantity }, Now);

        AssertRejected(result, "quantity", "quantity must be a whole number from 1 to 1000000");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void EventId_Missing_IsRejected(string? eventId)
    {
        var result = Validator().Validate(ValidRp() with { EventId = eventId }, Now);

        AssertRejected(result, "eventId", "eventId is required");
    }

    [Fact]
    public void EventId_128Characters_IsAcceptedAnd129Rejected()
    {
        var ok = Validator().Validate(ValidRp(new string('a', 128)), Now);
        var tooLong = Validator().Validate(ValidRp(new string('a', 129)), Now);

        Assert.True(ok.IsOk, ok.Error);
        AssertRejected(tooLong, "eventId", "eventId is longer than 128 characters");
    }

    [Theory]
    [InlineData("evt 1")]
    [InlineData("evt\t1")]
    [InlineData("évt-1")]
    public void EventId_NotPrintableAsciiWithoutSpaces_IsRejected(string eventId)
    {
        var result = Validator().Validate(ValidRp(eventId), Now);

        AssertRejected(result, "eventId", "eventId may contain only printable ASCII characters without spaces");
    }

    [Fact]
    public void Service_Unknown_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { Service = "XX" }, Now);

        AssertRejected(result, "service", "unknown service 'XX'");
    }

    [Fact]
    public void Service_Missing_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { Service = null }, Now);

        AssertRejected(result, "service", "service is required");
    }

    [Fact]
    public void Service_NotMetered_IsRejected()
    {
        var result = Validator().Validate(ValidRp() with { Service = "OFFLINE_SDK", SceneId = null }, Now);

        AssertRejected(result, "service", "service OFFLINE_SDK is not reported as usage");
    }

    [Fact]
    public void Service_HugeUnknownCode_IsEchoedShortened()
    {
        var result = Validator().Validate(ValidRp() with { Service = new string('Z', 500) }, Now);

        Assert.Equal($"unknown service '{new string('Z', 40)}…'", result.Error);
    }
}
