using System.Security.Claims;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>Settings › Webhooks: add (secret shown once), send test, the log, and read-only impersonation.</summary>
public sealed class WebhooksPageTests : BillingTestContext
{
    private async Task<WebhookWorld> ArrangeAsync()
    {
        var w = await WebhookWorld.CreateAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);
        auth.SetClaims(new Claim(BillingClaims.AccountId, w.AccountId.ToString()), new Claim(ClaimTypes.NameIdentifier, "user-1"));
        Services.AddSingleton(w.Manage);
        Services.AddSingleton(w.Deliveries);
        Services.AddScoped<CurrentAccount>();
        return w;
    }

    [Fact]
    public async Task Adding_an_endpoint_shows_the_secret_once_then_a_test_delivery_appears_in_the_log()
    {
        await using var w = await ArrangeAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var providers = RenderProviders();
        var cut = Render<WebhooksPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=webhooks-empty]"));

        cut.Find("#webhook-url").Change(receiver.Url);
        await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-add-button]").Click());

        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#webhook-secret")));
        var secret = providers.Find("#webhook-secret").GetAttribute("value")!;
        Assert.StartsWith("whsec_", secret);
        await providers.InvokeAsync(() => providers.Find("button[data-testid=webhook-secret-done]").Click());
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#webhook-secret")));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=webhook-endpoint]")));
        Assert.DoesNotContain(secret, cut.Markup + providers.Markup);

        await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-test]").Click());
        await w.Deliver.HandleAsync(Assert.Single(w.EnqueuedMessages()), default);
        await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-log-refresh]").Click());

        cut.WaitForAssertion(() => Assert.Equal("succeeded", cut.Find("[data-testid=webhook-delivery]").GetAttribute("data-status")));
        Assert.Equal("200", cut.Find("[data-testid=webhook-response-status]").TextContent.Trim());
        Assert.Single(receiver.Deliveries);
        await using var db = w.Database.CreateDbContext();
        Assert.Equal(["webhook.endpoint.created", "webhook.endpoint.test_sent"],
            await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Impersonating_support_sees_the_log_but_every_change_is_refused()
    {
        await using var w = await ArrangeAsync();
        var endpoint = await w.AddEndpointAsync("http://127.0.0.1:9/hooks");
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        Render<MudBlazor.MudSnackbarProvider>();
        var cut = Render<WebhooksPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=webhook-endpoint]")));

        using (ActorContext.Use(new BillingActor("support-1", "support@example.com", null, Guid.NewGuid(), w.AccountId, null, null)))
        {
            await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-log]").Click());
            cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=webhook-delivery]")));
            await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-toggle]").Click());
            await cut.InvokeAsync(() => cut.Find("button[data-testid=webhook-test]").Click());
            Assert.False((await w.Manage.RotateAsync(w.AccountId, endpoint.Endpoint.EndpointId, default)).IsOk);
            Assert.False((await w.Manage.DeleteAsync(w.AccountId, endpoint.Endpoint.EndpointId, default)).IsOk);
        }

        var row = Assert.Single(await w.Manage.ListAsync(w.AccountId, default));
        Assert.True(row.Enabled);
        Assert.Null(row.PreviousSecretExpiresAtUtc);
        await using var db = w.Database.CreateDbContext();
        Assert.Equal(1, await db.WebhookMessages.CountAsync());
    }
}
