using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

/// <summary>A migrated in-memory database with a small catalog, one account and the pack handlers on a fake clock.</summary>
public sealed class PacksWorld : IAsyncDisposable
{
    /// <summary>2026-11-27 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private PacksWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public BillingCalendar Calendar { get; } = BillingCalendar.Shanghai;
    public Guid AccountId { get; private set; }

    /// <summary>What the pack handlers asked the alert engine to evaluate (SPEC A2).</summary>
    public RecordingJobClient AlertJobs { get; } = new();
    private AlertTriggers Alerts => RecordingJobClient.Triggers(AlertJobs);

    public PurchasePackHandler Purchase => new(Database, Clock, Calendar, Alerts, NullLogger<PurchasePackHandler>.Instance);
    public GrantPackHandler Grant => new(Database, Clock, Calendar, Alerts, new AuditLog(Database, Clock), NullLogger<GrantPackHandler>.Instance);
    public UpgradePackHandler Upgrade => new(Database, Clock, Calendar, Alerts);
    public RenewPackHandler Renew => new(Database, Clock, Calendar, Alerts);
    public UnsubscribePackHandler Unsubscribe => new(Database, Clock, Calendar, Alerts, NullLogger<UnsubscribePackHandler>.Instance);
    public GetPacksHandler Packs => new(Database, Clock, Calendar);
    public GetPackCatalogHandler Catalog => new(Database);
    public DeviceLicencesHandler Licences => new(Database, Clock, Calendar);
    public PackLifecycleJob Lifecycle => new(Database, Clock, Calendar, Alerts, NullLogger<PackLifecycleJob>.Instance);

    public static async Task<PacksWorld> CreateAsync(decimal balance = 1000m)
    {
        var world = new PacksWorld(await TestDatabase.CreateAsync());
        await using var db = world.Database.CreateDbContext();
        db.Meters.AddRange(
            Meter("FV", 1820), Meter("IOT_MESSAGES", 1), Meter("OFFLINE_SDK", 3_990_000));
        db.PackTypes.AddRange(
            new PackType { Code = "FV_CALLS", ProductCode = "P", Name = "活体人脸验证流量包", NameEn = "Liveness pack", Cycle = PackCycle.None, CoveredMeters = "FV" },
            new PackType { Code = "IOT_MESSAGING", ProductCode = "P", Name = "消息通信资源包", NameEn = "Messaging pack", Cycle = PackCycle.Monthly, CoveredMeters = "IOT_MESSAGES" });
        db.PackSpecs.AddRange(
            Spec("FV_CALLS_TRIAL", "FV_CALLS", 100, 0, trial: true),
            Spec("FV_CALLS_1K", "FV_CALLS", 1000, 160),
            Spec("FV_CALLS_10K", "FV_CALLS", 10_000, 1500),
            Spec("FV_CALLS_OLD", "FV_CALLS", 500, 90, retired: true),
            Spec("IOT_MESSAGING_1M", "IOT_MESSAGING", 1_000_000, 80));
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Start.UtcDateTime);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        world.AccountId = account.Id;
        if (balance != 0) await world.PostAsync(balance, LedgerEntryKind.Adjustment, "opening");
        return world;
    }

    public async Task PostAsync(decimal amount, LedgerEntryKind kind, string key)
    {
        await using var db = Database.CreateDbContext();
        var posted = await db.PostAsync(new PostLedgerEntryCommand(AccountId, kind, Money.Yuan(amount), "test", key), Clock.GetUtcNow().UtcDateTime, default);
        Assert.True(posted.IsOk, posted.Error);
        await db.SaveChangesAsync();
    }

    public async Task<Money> BalanceAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == AccountId)).Balance;
    }

    public async Task<List<LedgerEntry>> LedgerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == AccountId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<PackRow> BuyAsync(string specId)
    {
        var result = await Purchase.HandleAsync(new PurchasePackCommand(AccountId, specId), default);
        Assert.True(result.IsOk, result.Error);
        return result.Value!;
    }

    public async Task<T> WithDbAsync<T>(Func<BillingDbContext, Task<T>> work)
    {
        await using var db = Database.CreateDbContext();
        return await work(db);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private static Meter Meter(string code, long priceUnits) => new()
    {
        Code = code, ProductCode = "P", Name = code, NameEn = code, Unit = "call", UnitPriceUnits = priceUnits,
        Outcomes = "passed", BillableOutcomes = "passed",
    };

    private static PackSpec Spec(string id, string type, long quantity, decimal price, bool trial = false, bool retired = false) => new()
    {
        SpecId = id, PackTypeCode = type, Quantity = quantity, PriceUnits = Money.Yuan(price).Units, ValidityMonths = 12,
        Trial = trial, Retired = retired,
    };
}
