using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

public sealed class QuotaAlertSettingTests
{
    private static readonly DateTime Now = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A1_CreateDefault_EnabledAt30()
    {
        var setting = QuotaAlertSetting.CreateDefault(Guid.NewGuid(), "RP_CALLS", Now);

        Assert.True(setting.Enabled);
        Assert.Equal(30, setting.ThresholdPercent);
        Assert.Equal(0, setting.Generation);
        Assert.Equal(Now, setting.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-5)]
    public void A1_Percent0And100Refused(int percent)
    {
        var setting = QuotaAlertSetting.CreateDefault(Guid.NewGuid(), "RP_CALLS", Now);

        var result = setting.Update(true, percent, Now.AddHours(1));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("1 to 99", result.Error);
        Assert.True(result.FieldErrors.ContainsKey(nameof(QuotaAlertSetting.ThresholdPercent)));
        Assert.Equal(30, setting.ThresholdPercent);
        Assert.Equal(0, setting.Generation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void A1_Percent1And99Accepted(int percent)
    {
        var setting = QuotaAlertSetting.CreateDefault(Guid.NewGuid(), "RP_CALLS", Now);

        var result = setting.Update(true, percent, Now);

        Assert.True(result.IsOk);
        Assert.Equal(percent, setting.ThresholdPercent);
    }

    [Fact]
    public void A4_Update_ChangedRatioBumpsGeneration_TogglingDoesNot_BothStamp()
    {
        var setting = QuotaAlertSetting.CreateDefault(Guid.NewGuid(), "RP_CALLS", Now);
        var version = setting.Version;

        setting.Update(true, 20, Now.AddHours(1));
        setting.Update(false, 20, Now.AddHours(2));

        Assert.Equal(1, setting.Generation);
        Assert.False(setting.Enabled);
        Assert.Equal(Now.AddHours(2), setting.UpdatedAtUtc);
        Assert.NotEqual(version, setting.Version);
    }

    [Fact]
    public void A4_Update_SameValues_DoesNotRearm()
    {
        var setting = QuotaAlertSetting.CreateDefault(Guid.NewGuid(), "RP_CALLS", Now);

        var result = setting.Update(true, 30, Now.AddHours(1));

        Assert.True(result.IsOk);
        Assert.Equal(0, setting.Generation);
        Assert.Equal(Now, setting.UpdatedAtUtc);
    }
}
