using BillingConsole.Domain.Accounts;
using System.Diagnostics.Metrics;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>
/// Webhook handlers on real SQLite in memory, with a fake clock that starts at the real time (the receiving library
/// checks timestamps against its own clock), short retry pauses, and a real HTTP client built like production's.
/// </summary>
public sealed class WebhookWorld : IAsyncDisposable
{
    private sealed class Clients(WebhookOptions options) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(WebhookHttp.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private WebhookWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public WebhookOptions Options { get; } = new()
    {
        AllowPrivateTargets = true,
        RetrySchedule = "00:00:01,00:00:02,00:00:03,00:00:04",
        Timeout = TimeSpan.FromSeconds(1),
    };
    public RecordingJobClient Jobs { get; } = new();
    public WebhookSecrets Secrets { get; } = new(new EphemeralDataProtectionProvider());
    public Guid AccountId { get; private set; }

    public static async Task<WebhookWorld> CreateAsync()
    {
        var world = new WebhookWorld(await TestDatabase.CreateAsync());
        await using var db = world.Database.CreateDbContext();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), world.Clock.GetUtcNow().UtcDateTime);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        world.AccountId = account.Id;
        return world;
    }

    public WebhookEventData Data { get; } = new(new ConfigurationBuilder()
        .AddInMemoryCollection([new("Payments:PublicBaseUrl", "https://console.example.com")]).Build());

    public DispatchWebhooksHandler Dispatch => new(Database, Jobs, Clock, NullLogger<DispatchWebhooksHandler>.Instance);
    /// <summary>This world's own meters (listen with <c>instrument.Meter.Scope == MeterFactory</c>).</summary>
    public IMeterFactory MeterFactory { get; } =
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public DeliverWebhookHandler Deliver => new(Database, new Clients(Options), Secrets,
        Microsoft.Extensions.Options.Options.Create(Options), Dispatch, Clock, new BillingMetrics(MeterFactory));
    public ManageWebhookEndpointsHandler Manage => new(Database, Secrets,
        Microsoft.Extensions.Options.Options.Create(Options), new AuditLog(Database, Clock), Clock);
    public WebhookDeliveriesHandler Deliveries => new(Database, Data, Dispatch, new AuditLog(Database, Clock), Clock);
    public EmitWebhookEventsHandler Emit => new(Database, Data, Clock);

    public async Task<WebhookEndpointWithSecret> AddEndpointAsync(string url, params string[] types)
    {
        var created = await Manage.CreateAsync(new CreateWebhookEndpoint(AccountId, url, types.Length == 0 ? ["*"] : types, null), default);
        Assert.True(created.IsOk, created.Error);
        return created.Value!;
    }

    /// <summary>The ids of the messages the dispatcher enqueued so far.</summary>
    public List<Guid> EnqueuedMessages() => Jobs.Jobs.Select(j => (Guid)j.Args[0]).ToList();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
