using System.Text.Json;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Tests.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>Events come from what daily billing and the ledger already wrote, once per fact.</summary>
public sealed class EmitWebhookEventsTests
{
    private static async Task<(EmitWebhookEventsHandler Emit, DispatchWebhooksHandler Dispatch)> WithEndpointAsync(
        SettlementScenario s, Guid account, params string[] types)
    {
        var options = new WebhookOptions { AllowPrivateTargets = true };
        var manage = new ManageWebhookEndpointsHandler(s.Database, new WebhookSecrets(new EphemeralDataProtectionProvider()),
            Microsoft.Extensions.Options.Options.Create(options), new AuditLog(s.Database, s.Clock), s.Clock);
        Assert.True((await manage.CreateAsync(new CreateWebhookEndpoint(account, "http://127.0.0.1:9/hooks", types, null), default)).IsOk);
        var data = new WebhookEventData(new ConfigurationBuilder().Build());
        return (new EmitWebhookEventsHandler(s.Database, data, s.Clock),
            new DispatchWebhooksHandler(s.Database, new RecordingJobClient(), s.Clock, NullLogger<DispatchWebhooksHandler>.Instance));
    }

    [Fact]
    public async Task A_bill_becomes_one_bill_issued_event_with_amounts_as_strings_however_often_the_sweep_runs()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        var (emit, dispatch) = await WithEndpointAsync(s, account, WebhookEventTypes.BillIssued);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 26, 12, 0, 0), 12);
        await s.JobHandler().HandleAsync(default);

        await emit.HandleAsync(default);
        await emit.HandleAsync(default);
        Assert.Equal(1, await dispatch.DispatchAsync(default));
        Assert.Equal(0, await dispatch.DispatchAsync(default));

        await using var db = s.Database.CreateDbContext();
        var e = await db.WebhookEvents.SingleAsync();
        Assert.Equal(WebhookEventTypes.BillIssued, e.Type);
        var message = await db.WebhookMessages.SingleAsync();
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("bill.issued", body.RootElement.GetProperty("type").GetString());
        var d = body.RootElement.GetProperty("data");
        Assert.Equal("12.00", d.GetProperty("payable").GetString());
        Assert.Equal("2026-11-26", d.GetProperty("usageDay").GetString());
        Assert.Equal(account.ToString(), d.GetProperty("accountId").GetString());
        Assert.Equal("/bills?day=2026-11-26", d.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Arrears_and_the_restoring_recharge_are_one_event_each_only_for_wanted_types()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(5m);
        var (emit, dispatch) = await WithEndpointAsync(s, account, WebhookEventTypes.AccountArrears, WebhookEventTypes.AccountRestored);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 26, 12, 0, 0), 12); // ¥12 on a ¥5 balance
        await s.JobHandler().HandleAsync(default);
        await emit.HandleAsync(default);
        await s.CreditAsync(account, 50m, "topup");
        await emit.HandleAsync(default);
        await emit.HandleAsync(default);
        await dispatch.DispatchAsync(default);

        await using var db = s.Database.CreateDbContext();
        var types = await db.WebhookEvents.OrderBy(e => e.CreatedAtUtc).Select(e => e.Type).ToListAsync();
        Assert.Contains(WebhookEventTypes.AccountArrears, types);
        Assert.Single(types, WebhookEventTypes.AccountArrears);
        Assert.Single(types, WebhookEventTypes.AccountRestored);
        var delivered = await db.WebhookMessages.Select(m => m.EventType).ToListAsync();
        Assert.DoesNotContain(WebhookEventTypes.BillIssued, delivered); // not subscribed
        Assert.Equal(2, delivered.Count);
    }
}
