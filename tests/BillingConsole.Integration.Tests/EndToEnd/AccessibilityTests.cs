using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.EndToEnd;

/// <summary>Every page passes axe with no serious or critical violation, in both languages (issue #8).</summary>
[Collection(HostCollection.Name)]
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] SignInPages = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/Lockout"];

    private static readonly string[] OwnerPages =
        ["/", "/recharge", "/recharge/history", "/withdraw", "/bills", "/ledger", "/packs", "/packs/buy", "/packs/deductions",
         "/packs/licences", "/usage", "/messages", "/settings", "/settings/alerts"];

    private static readonly string[] StaffPages = ["/staff", "/staff/remittances", "/staff/withdrawals", "/staff/audit", "/staff/jobs", "/staff/grants"];

    // Every rule is enforced, colour contrast included (ConsoleTheme keeps text colours at WCAG AA).
    private static readonly HashSet<string> KnownOpen = [];

    [Fact]
    public async Task SignInPages_HaveNoSeriousViolations()
    {
        var page = await app.NewPageAsync();

        var problems = new List<string>();
        foreach (var path in SignInPages)
        {
            await page.GotoAsync(path);
            problems.AddRange(await SeriousAsync(page, path));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task OwnerPages_HaveNoSeriousViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var problems = await VisitAsync(page, OwnerPages);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task StaffPages_HaveNoSeriousViolations()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Support.Email, DemoSeeder.Support.Password);

        var problems = await VisitAsync(page, StaffPages);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<List<string>> VisitAsync(IPage page, IEnumerable<string> paths)
    {
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Journey.WaitForInteractiveAsync(page);
            problems.AddRange(await SeriousAsync(page, path));
        }
        return problems;
    }

    private static async Task<IEnumerable<string>> SeriousAsync(IPage page, string path)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Where(v => !KnownOpen.Contains(v.Id))
            .Select(v => $"{path}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
    }
}
