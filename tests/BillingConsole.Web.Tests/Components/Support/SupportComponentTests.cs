using System.Security.Claims;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Tests.Features.Support;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Components.Support;

public sealed class SupportComponentTests : BillingTestContext, IAsyncLifetime
{
    private SupportScenario s = default!;

    public async ValueTask InitializeAsync()
    {
        s = await SupportScenario.CreateAsync();
        Services.AddSingleton<TimeProvider>(s.Clock);
        Services.AddSingleton(s.Lookup);
        Services.AddSingleton(s.Audit);
        Services.AddSingleton(s.End);
        Services.AddSingleton(new SearchAccountsHandler(s.Db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await s.DisposeAsync();
    }

    private void SignInAsSupport()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(s.Support.Email!);
        auth.SetRoles("Support");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, s.Support.Id));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task ImpersonationBanner_NamesBothPeople_TimeLeft_AndAuditsThePageVisit()
    {
        await s.ImpersonateAsync();
        SignInAsSupport();

        var cut = Render<CascadingAuthenticationState>(p => p.AddChildContent<ImpersonationBanner>());

        cut.WaitForAssertion(() => Assert.Contains("support@example.com", cut.Markup));
        Assert.Contains("Customer Co", cut.Markup);
        Assert.Contains("owner@example.com", cut.Markup);
        Assert.Contains("30:00 left", cut.Find("[data-testid=impersonation-time-left]").TextContent);
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        cut.WaitForAssertion(() => Assert.Contains("20:00 left", cut.Find("[data-testid=impersonation-time-left]").TextContent));
        await using var db = s.Db.CreateDbContext();
        Assert.Contains(await db.AuditEvents.Select(e => e.Action).ToListAsync(), a => a == "page.view");
    }

    [Fact]
    public async Task ImpersonationBanner_End_EndsTheSessionAndLeavesForTheStaffAccountPage()
    {
        await s.ImpersonateAsync();
        SignInAsSupport();
        var cut = Render<CascadingAuthenticationState>(p => p.AddChildContent<ImpersonationBanner>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=end-impersonation]"));

        using (ActorContext.Use(s.SupportActor(s.AccountId)))
        {
            await cut.InvokeAsync(() => cut.Find("[data-testid=end-impersonation]").Click());
        }

        Assert.Null(await s.Lookup.GetActiveAsync(s.Support.Id));
        Assert.EndsWith($"staff/accounts/{s.AccountId}", Services.GetRequiredService<NavigationManager>().Uri);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=impersonation-banner]")));
    }

    [Fact]
    public async Task ImpersonationBanner_After30Minutes_EndsByItselfAndIsAudited()
    {
        await s.ImpersonateAsync();
        SignInAsSupport();
        var cut = Render<CascadingAuthenticationState>(p => p.AddChildContent<ImpersonationBanner>());
        cut.WaitForAssertion(() => cut.Find("[data-testid=impersonation-banner]"));

        s.Clock.Advance(TimeSpan.FromMinutes(30));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=impersonation-banner]")));
        await using var db = s.Db.CreateDbContext();
        cut.WaitForAssertion(() => Assert.Contains("impersonation.expired", db.AuditEvents.Select(e => e.Action).ToList()));
    }

    [Fact]
    public void ImpersonationBanner_NoSession_RendersNothing()
    {
        SignInAsSupport();

        var cut = Render<CascadingAuthenticationState>(p => p.AddChildContent<ImpersonationBanner>());

        Assert.Empty(cut.FindAll("[data-testid=impersonation-banner]"));
    }

    [Fact]
    public void StaffAccountsPage_ListsAccountsWithOwner_AndSaysSoWhenNothingMatches()
    {
        SignInAsSupport();

        var cut = Render<StaffAccountsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Customer Co", cut.Markup));
        Assert.Contains("owner@example.com", cut.Markup);
        cut.Find("form input").Input("no-such-customer");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("No account matches", cut.Markup));
    }

    [Fact]
    public async Task AuditTable_ShowsActorActionAndSubject()
    {
        using (ActorContext.Use(s.SupportActor(s.AccountId))) await s.Audit.WriteAsync("page.view", "bills");
        await using var db = s.Db.CreateDbContext();
        var events = await db.AuditEvents.ToListAsync();

        var cut = Render<AuditTable>(p => p.Add(x => x.Events, events));

        Assert.Contains("support@example.com", cut.Markup);
        Assert.Contains("page.view", cut.Markup);
        Assert.Contains("bills", cut.Markup);
    }

    [Fact]
    public void ReadOnlyErrorBoundary_TurnsARefusedWriteIntoASnackbar_AndKeepsThePage()
    {
        var cut = Render<ReadOnlyErrorBoundary>(p => p.AddChildContent<Thrower>());

        cut.Find("button").Click();

        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        Assert.Contains(snackbar.ShownSnackbars, x => x.Message!.Contains("read-only: creating a thing refused"));
        Assert.NotNull(cut.Find("button"));
        cut.WaitForAssertion(() => cut.Find("button").Click()); // a second refusal is caught as well
        Assert.NotNull(cut.Find("button"));
    }

    private sealed class Thrower : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "onclick", EventCallback.Factory.Create(this, Throw));
            builder.AddContent(2, "go");
            builder.CloseElement();
        }

        private static void Throw() => throw new ReadOnlyImpersonationException("creating a thing");
    }
}
