using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Features.ResourcePacks;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.EndToEnd;

/// <summary>
/// Every console page, on the demo data, and every dialog open, passes axe with its whole rule set and fails on a
/// violation of any impact, minor included (issue #15; issue #8 had only serious and critical).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AccessibilityTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private static readonly string[] SignInPages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/Lockout"];

    // /messages is checked by Messages_HasNoViolations, the quota-alert dialog by QuotaAlertDialog_HasNoViolations.
    private static readonly string[] OwnerPages =
        ["/", "/recharge", "/recharge/history", "/withdraw", "/bills", "/ledger", "/packs", "/packs/buy", "/packs/deductions",
         "/packs/licences", "/usage", "/settings", "/settings/alerts", "/settings/webhooks", "/invoices", "/statements"];

    private static readonly string[] StaffPages = ["/staff", "/staff/remittances", "/staff/withdrawals", "/staff/audit", "/staff/jobs", "/staff/grants",
         "/staff/payments", "/staff/invoices"];

    [Fact]
    public async Task SignInPages_HaveNoViolations()
    {
        var page = await app.NewPageAsync();

        var problems = new List<string>();
        foreach (var path in SignInPages)
        {
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task OwnerPages_HaveNoViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var problems = await VisitAsync(page, OwnerPages);
        // A bill expanded to its lines, and the usage table's second page.
        await page.GotoAsync("/bills");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=bill-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=bill-detail]").WaitForAsync();
        problems.AddRange(await ViolationsAsync(page, "/bills (expanded)"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task StaffPages_HaveNoViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Support.Email, DemoSeeder.Support.Password);

        var problems = await VisitAsync(page, StaffPages);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Hangfire's own pages, with our stylesheet and script (contrast, landmarks, names), for the admin.</summary>
    [Fact]
    public async Task HangfireDashboard_HasNoViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Admin.Email, DemoSeeder.Admin.Password);

        var problems = new List<string>();
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded", "/hangfire/servers" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Dialogs_PackActionsApiKeyWithdrawalAndRemittance_HaveNoViolations()
    {
        var accountId = await OwnerAccountAsync();
        // A fresh purchased pack offers upgrade, renew and unsubscribe; a pending offline recharge the staff confirm dialog.
        // Connection minutes: the demo reports none, so no usage shares the purchase's hour and unsubscribe stays offered
        // whatever the time of day (RP usage of the current hour would count as covered by a pack bought in that hour).
        var bought = await app.Factory.Services.GetRequiredService<PurchasePackHandler>()
            .HandleAsync(new PurchasePackCommand(accountId, "IOT_CONNECTION_1M"), default);
        Assert.True(bought.IsOk, bought.Error);
        var offline = await app.Factory.Services.GetRequiredService<CreateRechargeHandler>()
            .HandleAsync(new CreateRechargeCommand(accountId, "100", "offline", false), default);
        Assert.True(offline.IsOk, offline.Error);

        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var problems = new List<string>();

        foreach (var action in new[] { "action-upgrade", "action-renew", "action-unsubscribe" })
        {
            problems.AddRange(await DialogViolationsAsync(page, "/packs", $"/packs {action}", async () =>
            {
                await page.Locator("[data-testid=pack-summary][data-packtype=IOT_CONNECTION] [data-testid=pack-expand]").ClickAsync();
                await page.Locator($"[data-testid=pack-instance]:has([data-spec=IOT_CONNECTION_1M]) [data-testid={action}]").ClickAsync();
            }));
        }
        problems.AddRange(await DialogViolationsAsync(page, "/settings", "/settings API key created",
            () => page.Locator("[data-testid=api-key-create]").ClickAsync()));
        problems.AddRange(await DialogViolationsAsync(page, "/withdraw", "/withdraw confirm", async () =>
        {
            await page.Locator(Journey.Field("withdraw-amount")).FillAsync("1");
            await Assertions.Expect(page.Locator("[data-testid=withdraw-submit]")).ToBeEnabledAsync();
            await page.Locator("[data-testid=withdraw-submit]").ClickAsync();
        }));

        var staff = await app.NewPageAsync();
        await Journey.SignInAsync(staff, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        problems.AddRange(await DialogViolationsAsync(staff, "/staff/remittances", "/staff/remittances confirm",
            () => staff.Locator("[data-testid=remittance-confirm]").First.ClickAsync()));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task QuotaAlertDialog_HasNoViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var problems = await DialogViolationsAsync(page, "/packs", "/packs quota alert dialog",
            () => page.Locator("[data-testid=open-quota-alert]").ClickAsync());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Messages_HasNoViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var problems = await VisitAsync(page, ["/messages"]);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<Guid> OwnerAccountAsync()
    {
        await using var db = app.Factory.CreateDbContext();
        return (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
    }

    private static async Task<List<string>> VisitAsync(IPage page, IEnumerable<string> paths)
    {
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Journey.WaitForInteractiveAsync(page);
            problems.AddRange(await ViolationsAsync(page, path));
        }
        return problems;
    }

    /// <summary>Opens the page afresh, opens the dialog, and checks the page with the dialog open.</summary>
    private static async Task<List<string>> DialogViolationsAsync(IPage page, string path, string what, Func<Task> open)
    {
        await page.GotoAsync(path);
        await Journey.WaitForInteractiveAsync(page);
        // The dialog is checked as it stays, not halfway through its opening animation (the overlay fading in).
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        await open();
        await page.Locator(".mud-dialog").First.WaitForAsync();
        // The dialog itself: the page behind its overlay is checked on its own by the page tests (axe would otherwise
        // judge the contrast of buttons seen through the overlay's shade).
        var result = await page.RunAxe(new AxeRunContext { Include = [new AxeSelector(".mud-dialog")] });
        return result.Violations
            .Select(v => $"{what}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
    }

    /// <summary>Every violation axe reports, whatever its impact.</summary>
    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Select(v => $"{path}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
