using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

public sealed class QuotaAlertSettingsValidatorTests
{
    private static readonly HeldPackType[] Held =
    [
        new("RP_CALLS", PackCycle.None),
        new("IOT_MESSAGES", PackCycle.Monthly),
        new("IOT_STORAGE", PackCycle.Hourly),
    ];

    [Fact]
    public void A1_ValidRows_ReturnedAsWholePercentages()
    {
        var result = QuotaAlertSettingsValidator.Validate(
            [new("RP_CALLS", true, 25m), new("IOT_MESSAGES", false, 99m)], Held);

        Assert.True(result.IsOk);
        Assert.Equal([new("RP_CALLS", true, 25), new ValidQuotaAlertSetting("IOT_MESSAGES", false, 99)], result.Value!);
    }

    [Fact]
    public void A1_HourlyTypesNotSupported()
    {
        var result = QuotaAlertSettingsValidator.Validate([new("IOT_STORAGE", true, 30m)], Held);

        Assert.False(result.IsOk);
        Assert.Contains("not supported", Assert.Single(result.FieldErrors["rows[0].packType"]));
    }

    [Theory]
    [InlineData("FV_CALLS")]
    [InlineData("")]
    [InlineData(null)]
    public void A1_UnknownOrUnheldType_Refused(string? code)
    {
        var result = QuotaAlertSettingsValidator.Validate([new("RP_CALLS", true, 30m), new(code, true, 30m)], Held);

        Assert.False(result.IsOk);
        Assert.Equal(["rows[1].packType"], result.FieldErrors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(30.5)]
    [InlineData(-1)]
    public void A1_Percent0And100Refused_InDialogInput(decimal percent)
    {
        var result = QuotaAlertSettingsValidator.Validate([new("RP_CALLS", false, percent)], Held);

        Assert.False(result.IsOk);
        Assert.Contains("whole number from 1 to 99", Assert.Single(result.FieldErrors["rows[0].thresholdPercent"]));
    }

    [Fact]
    public void A1_DuplicateRow_Refused()
    {
        var result = QuotaAlertSettingsValidator.Validate([new("RP_CALLS", true, 30m), new("RP_CALLS", true, 40m)], Held);

        Assert.False(result.IsOk);
        Assert.Contains("more than once", Assert.Single(result.FieldErrors["rows[1].packType"]));
    }

    [Fact]
    public void A1_ErrorsOnSeveralRows_AllReported()
    {
        var result = QuotaAlertSettingsValidator.Validate([new("IOT_STORAGE", true, 0m), new("RP_CALLS", true, 100m)], Held);

        Assert.Equal(["rows[0].packType", "rows[0].thresholdPercent", "rows[1].thresholdPercent"],
            result.FieldErrors.Keys.Order(StringComparer.Ordinal));
    }
}
