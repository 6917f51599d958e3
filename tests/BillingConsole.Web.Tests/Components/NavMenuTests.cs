using BillingConsole.Web.Components.Layout;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components;

public sealed class NavMenuTests : BillingTestContext
{
    [Fact]
    public void NavMenu_Owner_ShowsAccountPagesOnly()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);

        var cut = Render<NavMenu>();

        Assert.Contains("Recharge", cut.Markup);
        Assert.Contains("Resource packs", cut.Markup);
        Assert.DoesNotContain("Staff console", cut.Markup);
        Assert.DoesNotContain("Hangfire", cut.Markup);
    }

    [Fact]
    public void NavMenu_Support_ShowsStaffConsoleWithoutHangfire()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("support@example.com");
        auth.SetPolicies(Policies.Staff);

        var cut = Render<NavMenu>();

        Assert.Contains("Staff console", cut.Markup);
        Assert.Contains("Audit log", cut.Markup);
        Assert.DoesNotContain("Recharge", cut.Markup);
        Assert.DoesNotContain("Hangfire", cut.Markup);
    }

    [Fact]
    public void NavMenu_Admin_ShowsHangfireDashboardLink()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@example.com");
        auth.SetPolicies(Policies.Staff, Policies.Admin);

        var cut = Render<NavMenu>();

        Assert.Contains("Hangfire dashboard", cut.Markup);
    }
}
