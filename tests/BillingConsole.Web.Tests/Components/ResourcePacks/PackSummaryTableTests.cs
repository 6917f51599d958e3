using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Components.ResourcePacks;

public sealed class PackSummaryTableTests : BillingTestContext
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    public PackSummaryTableTests() => Services.AddSingleton(BillingCalendar.Shanghai);

    internal static PackRow Row(string type, long total, long remaining, PackStatus status, string spec = "SPEC", int expiresInDays = 300) =>
        new(Guid.NewGuid(), type, type + " name", spec, PackCycle.None, PackOrigin.Purchased, total, remaining, Now,
            Now.AddDays(expiresInDays), Now, status, Money.Yuan(160m), Money.Yuan(160m));

    private static IReadOnlyList<PackTypeSummary> Sample() => PackTypeSummary.Summarize(
    [
        Row("FV_CALLS", 1000, 250, PackStatus.Active, "FV_CALLS_1K"),
        Row("FV_CALLS", 1000, 0, PackStatus.Exhausted, "FV_CALLS_1K"),
        Row("FV_CALLS", 10_000, 10_000, PackStatus.Expired, "FV_CALLS_10K"),
        Row("RP_CALLS", 100, 100, PackStatus.Active, "RP_CALLS_TRIAL"),
    ]);

    [Fact]
    public void Summarize_CountsOnlyPacksInValidity_AndRoundsThePercentDown()
    {
        var fv = Sample().Single(s => s.PackType == "FV_CALLS");

        Assert.Equal((2000L, 1750L, 250L), (fv.Total, fv.Used, fv.Remaining));
        Assert.Equal(12.5m, fv.RemainingPercent);
        Assert.Equal(3, fv.Instances.Count);
        Assert.Equal(33.3m, PackTypeSummary.Summarize([Row("X", 3, 1, PackStatus.Active)]).Single().RemainingPercent);
    }

    [Fact]
    public void PackSummaryTable_RendersOneRowPerTypeWithTotalsAndProgressBar()
    {
        var cut = Render<PackSummaryTable>(p => p.Add(x => x.Summaries, Sample()));

        var rows = cut.FindAll("[data-testid=pack-summary]");
        Assert.Equal(2, rows.Count);
        var fv = cut.Find("[data-packtype=FV_CALLS]");
        Assert.Contains("2,000", fv.QuerySelector("[data-testid=summary-total]")!.TextContent);
        Assert.Contains("1,750", fv.QuerySelector("[data-testid=summary-used]")!.TextContent);
        Assert.Equal("12.5%", fv.QuerySelector("[data-testid=summary-percent]")!.TextContent.Trim());
        Assert.NotNull(fv.QuerySelector(".mud-progress-linear"));
        Assert.Empty(cut.FindAll("[data-testid=pack-instance]"));
    }

    [Fact]
    public void PackSummaryTable_Expand_ShowsInstancesWithActionsOnlyWhereAllowed()
    {
        var cut = Render<PackSummaryTable>(p => p.Add(x => x.Summaries, Sample()));

        cut.Find("[data-packtype=FV_CALLS] [data-testid=pack-expand]").Click();

        var instances = cut.FindAll("[data-testid=pack-instance]");
        Assert.Equal(3, instances.Count);
        Assert.Contains("Expired", cut.Find("[data-testid=pack-instances]").TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=action-renew]").Count);
        Assert.Empty(cut.FindAll("[data-testid=action-unsubscribe]"));

        cut.Find("[data-packtype=FV_CALLS] [data-testid=pack-expand]").Click();

        Assert.Empty(cut.FindAll("[data-testid=pack-instance]"));
    }

    [Fact]
    public void PackSummaryTable_StatusFilter_HidesTypesWithoutMatchingInstances()
    {
        var popover = Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<PackSummaryTable>(p => p.Add(x => x.Summaries, Sample()));

        cut.Find("input[data-testid=filter-status]").Closest(".mud-input-control")!.MouseDown();
        popover.WaitForAssertion(() => Assert.NotEmpty(popover.FindAll(".mud-list-item")), TimeSpan.FromSeconds(5));
        popover.FindAll(".mud-list-item").First(e => e.TextContent.Contains("Expired", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=pack-summary]")));
        cut.Find("[data-testid=pack-expand]").Click();
        Assert.Single(cut.FindAll("[data-testid=pack-instance]"));
        // The spec by its name in the page's language, not its id (issue #15).
        Assert.Contains("Liveness verification pack 10,000 calls", cut.Find("[data-testid=pack-instance]").TextContent);
        Assert.DoesNotContain("FV_CALLS_10K", cut.Find("[data-testid=pack-instance]").TextContent);
    }

    [Fact]
    public void PackSummaryTable_UnsubscribeAction_RaisesTheEventForThatPack()
    {
        var fresh = Row("FV_CALLS", 1000, 1000, PackStatus.Active, "FV_CALLS_1K");
        PackAction? raised = null;
        var cut = Render<PackSummaryTable>(p => p
            .Add(x => x.Summaries, PackTypeSummary.Summarize([fresh]))
            .Add(x => x.OnAction, (PackAction a) => raised = a));

        cut.Find("[data-testid=pack-expand]").Click();
        cut.Find("[data-testid=action-unsubscribe]").Click();

        Assert.Equal((PackActionKind.Unsubscribe, fresh.PackId), (raised!.Kind, raised.Pack.PackId));
    }
}
