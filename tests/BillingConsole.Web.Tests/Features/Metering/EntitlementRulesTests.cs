using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Pricing;
using BillingConsole.Web.Features.Metering;

namespace BillingConsole.Web.Tests.Features.Metering;

/// <summary>The rule and the service check that the entitlement endpoint and its fast path share.</summary>
public sealed class EntitlementRulesTests
{
    private static readonly DateTime Since = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    [Fact]
    public void Of_AllowsActiveAndArrears_WithTheGraceEndInArrears_AndRefusesSuspended()
    {
        Assert.Equal(new Entitlement(true, AccountStatus.Active, null), Entitlement.Of(AccountStatus.Active, null, Grace));
        Assert.Equal(new Entitlement(true, AccountStatus.Arrears, Since + Grace), Entitlement.Of(AccountStatus.Arrears, Since, Grace));
        Assert.Equal(new Entitlement(false, AccountStatus.Suspended, null), Entitlement.Of(AccountStatus.Suspended, Since, Grace));
    }

    [Fact]
    public void Of_ArrearsWithoutASinceTime_HasNoGraceEnd() =>
        Assert.Equal(new Entitlement(true, AccountStatus.Arrears, null), Entitlement.Of(AccountStatus.Arrears, null, Grace));

    private static Meter M(string code, bool metered = true) => new()
    {
        Code = code, ProductCode = "P", Name = code, NameEn = code, Unit = "call", UnitPriceUnits = 1,
        Outcomes = "ok", BillableOutcomes = "ok", Metered = metered,
    };

    [Theory]
    [InlineData("RP", true)]
    [InlineData("rp", false)]
    [InlineData("LICENCE", false)]
    [InlineData("NOPE", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsGatedService_OnlyAMeteredMeterOfTheCatalog(string? service, bool gated)
    {
        var meters = new Dictionary<string, Meter>(StringComparer.Ordinal) { ["RP"] = M("RP"), ["LICENCE"] = M("LICENCE", metered: false) };

        Assert.Equal(gated, Entitlement.IsGatedService(meters, service));
    }
}
