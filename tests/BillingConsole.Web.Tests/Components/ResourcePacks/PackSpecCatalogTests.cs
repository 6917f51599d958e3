using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components.ResourcePacks;

public sealed class PackSpecCatalogTests : BillingTestContext
{
    private static CatalogSpec Spec(string id, long quantity, decimal price, bool trial = false, string type = "FV_CALLS") =>
        new(id, type, "活体人脸验证流量包", "Liveness pack", PackCycle.None, quantity, Money.Yuan(price), 12, trial, !trial, "call");

    private static readonly CatalogSpec[] Specs =
    [
        Spec("FV_CALLS_TRIAL", 100, 0m, trial: true), Spec("FV_CALLS_1K", 1000, 160m), Spec("FV_CALLS_10K", 10_000, 1500m),
        Spec("IOT_CONNECTION_10M", 10_000_000, 3600m, type: "IOT_CONNECTION"),
    ];

    [Fact]
    public void Catalog_TrialEligible_OffersTheTrial()
    {
        var cut = Render<PackSpecCatalog>(p => p.Add(x => x.Catalog, new PackCatalog(Specs, new HashSet<string> { "FV_CALLS" })));

        Assert.Single(cut.FindAll("[data-spec=FV_CALLS_TRIAL]"));
        Assert.Equal(2, cut.FindAll("[data-testid=catalog-type]").Count);
    }

    [Fact]
    public void Catalog_TrialNotEligible_HidesTheTrialButKeepsPaidSpecs()
    {
        var cut = Render<PackSpecCatalog>(p => p.Add(x => x.Catalog, new PackCatalog(Specs, new HashSet<string>())));

        Assert.Empty(cut.FindAll("[data-spec=FV_CALLS_TRIAL]"));
        Assert.Single(cut.FindAll("[data-spec=FV_CALLS_1K]"));
    }

    [Fact]
    public void Catalog_ShowsThePerCallPriceExactly()
    {
        var cut = Render<PackSpecCatalog>(p => p.Add(x => x.Catalog, new PackCatalog(Specs, new HashSet<string>())));

        Assert.Contains("¥0.16", cut.Find("[data-spec=FV_CALLS_1K]").TextContent);
        Assert.Contains("¥0.15", cut.Find("[data-spec=FV_CALLS_10K]").TextContent);
        Assert.Contains("¥0.00036", cut.Find("[data-spec=IOT_CONNECTION_10M]").TextContent);
    }

    [Fact]
    public void Catalog_Buy_RaisesTheSpec()
    {
        CatalogSpec? bought = null;
        var cut = Render<PackSpecCatalog>(p => p
            .Add(x => x.Catalog, new PackCatalog(Specs, new HashSet<string>()))
            .Add(x => x.OnBuy, (CatalogSpec s) => bought = s));

        cut.Find("[data-spec=FV_CALLS_1K] [data-testid=buy]").Click();

        Assert.Equal("FV_CALLS_1K", bought!.SpecId);
    }
}
