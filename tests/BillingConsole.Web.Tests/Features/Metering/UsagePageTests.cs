using System.Security.Claims;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BillingConsole.Web.Tests.Features.Metering.MeteringTestBed;

namespace BillingConsole.Web.Tests.Features.Metering;

public sealed class UsagePageTests : BillingTestContext
{
    private async Task<MeteringTestBed> ArrangeAsync()
    {
        var bed = await CreateAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);
        auth.SetClaims(new Claim(BillingClaims.AccountId, bed.AccountId.ToString()));
        Services.AddSingleton(bed.Report);
        Services.AddSingleton(bed.Catalog);
        Services.AddScoped<CurrentAccount>();
        return bed;
    }

    [Fact]
    public async Task UsagePage_WithUsage_ShowsChartAndPerDayTableAndExportLink()
    {
        await using var bed = await ArrangeAsync();
        await bed.PostAsync(Batch(Event("a"), Event("b", outcome: "abandoned"), Event("c", "FV", quantity: 7)));

        var cut = Render<UsagePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=usage-table]")));
        var rows = cut.FindAll("[data-testid=usage-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("2026-11-27", rows[0]);
        // Services by name, not code (issue #15).
        Assert.Contains("Liveness face verification", rows[0]);
        Assert.Equal("FV", cut.Find("[data-testid=usage-table] tbody tr td[data-service]").GetAttribute("data-service"));
        Assert.Contains("7", rows[0]);
        Assert.Contains("Real-person verification", rows[1]);
        Assert.NotNull(cut.Find("[data-testid=usage-chart] svg"));
        var export = cut.Find("a[data-testid=usage-export]").GetAttribute("href");
        Assert.Equal("usage/export.csv?from=2026-10-29&to=2026-11-27", export);
    }

    [Fact]
    public async Task UsagePage_NoUsage_ShowsEmptyState()
    {
        await using var bed = await ArrangeAsync();

        var cut = Render<UsagePage>();

        cut.WaitForAssertion(() => Assert.Contains("No usage in this range", cut.Find("[data-testid=usage-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=usage-table]"));
    }

    [Fact]
    public async Task UsagePage_OtherAccountsUsage_IsNotShown()
    {
        await using var bed = await ArrangeAsync();
        await bed.PostAsync(Batch(Event("a")), Guid.NewGuid());

        var cut = Render<UsagePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=usage-empty]")));
    }
}
