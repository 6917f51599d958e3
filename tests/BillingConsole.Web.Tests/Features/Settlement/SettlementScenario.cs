using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.Settlement;

/// <summary>
/// A migrated in-memory database with the Cloudauth meters and pack types, a clock in UTC (the host's zone does not
/// matter: every day boundary goes through the Shanghai calendar), and helpers that arrange usage as ingestion would
/// leave it (hourly roll-ups, plus raw events where a pack boundary needs them).
/// </summary>
public sealed class SettlementScenario : IAsyncDisposable
{
    public static readonly BillingCalendar Calendar = BillingCalendar.Shanghai;

    /// <summary>27 Nov 2026, 10:00 in Shanghai: the default daily run time.</summary>
    public static readonly DateTime RunTimeUtc = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private SettlementScenario(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(RunTimeUtc);
    public BillingOptions Options { get; } = new();
    public DateOnly Today => Calendar.DayOf(Clock.GetUtcNow().UtcDateTime);

    public static async Task<SettlementScenario> CreateAsync()
    {
        var scenario = new SettlementScenario(await TestDatabase.CreateAsync());
        await using var db = scenario.Database.CreateDbContext();
        db.Meters.AddRange(Meter("RP", 10_000), Meter("FV", 1_820), Meter("FACE_COMPARE", 60), Meter("FACE_ATTRIBUTE", 60));
        db.PackTypes.AddRange(PackTypeFor("RP_CALLS", "RP"), PackTypeFor("FV_CALLS", "FV"));
        await db.SaveChangesAsync();
        return scenario;
    }

    public SettleAccountDayHandler SettleHandler() => new(Database, Clock, Calendar);

    public SettleAccountDaysHandler ChunkHandler() => new(Database, Clock, Calendar);

    public RunDailyBillingHandler JobHandler(SettleAccountDayHandler? settle = null, RecordingJobClient? jobs = null,
        SettleAccountDaysHandler? chunk = null) =>
        new(Database, settle ?? SettleHandler(), chunk ?? ChunkHandler(), Clock, Calendar, RecordingJobClient.Triggers(jobs),
            NullLogger<RunDailyBillingHandler>.Instance);

    public EnforceArrearsHandler Enforcer() => new(Database, Clock, Microsoft.Extensions.Options.Options.Create(Options));

    public async Task<Guid> OpenAccountAsync(decimal balance)
    {
        await using var db = Database.CreateDbContext();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        if (balance != 0) await CreditAsync(account.Id, balance, "opening");
        return account.Id;
    }

    public async Task CreditAsync(Guid accountId, decimal amount, string key)
    {
        await using var db = Database.CreateDbContext();
        var posted = await db.PostAsync(new PostLedgerEntryCommand(accountId, LedgerEntryKind.Recharge, Money.Yuan(amount),
            key, $"{accountId}:{key}"), Clock.GetUtcNow().UtcDateTime, default);
        Assert.True(posted.IsOk, posted.Error);
        await db.SaveChangesAsync();
    }

    /// <summary>Billable usage at a Shanghai local time, added to its hour's roll-up (and as raw events when asked).</summary>
    public async Task UsageAsync(Guid accountId, string meter, DateTime local, long quantity, bool withEvents = false)
    {
        var utc = Calendar.ToUtc(local);
        var hour = Calendar.HourStartUtc(utc);
        await using var db = Database.CreateDbContext();
        var row = await db.UsageHourlyRollups.FindAsync(accountId, meter, hour);
        if (row is null)
        {
            row = new UsageHourlyRollup { AccountId = accountId, MeterCode = meter, HourStartUtc = hour, UsageDay = Calendar.DayOf(utc) };
            db.UsageHourlyRollups.Add(row);
        }
        row.BillableQuantity += quantity;
        if (withEvents)
        {
            db.UsageEvents.Add(new UsageEvent
            {
                AccountId = accountId, EventId = Guid.NewGuid().ToString("N"), MeterCode = meter, Outcome = "passed",
                OccurredAtUtc = utc, UsageDay = Calendar.DayOf(utc), Quantity = quantity, Billable = true,
                ReceivedAtUtc = Clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task<ResourcePack> AddPackAsync(Guid accountId, string type, long quantity, DateTime effectiveUtc)
    {
        await using var db = Database.CreateDbContext();
        var packType = await db.PackTypes.SingleAsync(t => t.Code == type);
        var spec = new PackSpec { SpecId = type + "_T", PackTypeCode = type, Quantity = quantity, PriceUnits = 0, ValidityMonths = 12 };
        var pack = ResourcePack.Create(accountId, packType, spec, PackOrigin.Granted, effectiveUtc, Calendar,
            effectiveUtc, effectiveUtc.AddYears(1), "test").Value!;
        db.ResourcePacks.Add(pack);
        await db.SaveChangesAsync();
        return pack;
    }

    public async Task<List<Bill>> BillsAsync(Guid accountId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Bills.AsNoTracking().Include(b => b.Lines).Where(b => b.AccountId == accountId)
            .OrderBy(b => b.UsageDay).ToListAsync();
    }

    public async Task<Account> AccountAsync(Guid accountId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
    }

    /// <summary>SPEC B9/B10: the cached balance is the exact SQL sum of the entries, and bills agree with their lines.</summary>
    public async Task AssertLedgerInvariantAsync(Guid accountId)
    {
        await using var db = Database.CreateDbContext();
        var sum = await db.LedgerEntries.Where(e => e.AccountId == accountId).SumAsync(e => e.AmountUnits);
        Assert.Equal(sum, (await db.Accounts.SingleAsync(a => a.Id == accountId)).BalanceUnits);
        var bills = await db.Bills.Include(b => b.Lines).Where(b => b.AccountId == accountId).ToListAsync();
        var charged = await db.LedgerEntries.Where(e => e.AccountId == accountId && e.Kind == LedgerEntryKind.DailyBill)
            .SumAsync(e => e.AmountUnits);
        Assert.Equal(-bills.Sum(b => b.PayableUnits), charged);
        Assert.All(bills, b => Assert.Equal(b.PayableUnits, b.Lines.Sum(l => l.PayableUnits)));
    }

    public void SetLocalNow(DateTime local) => Clock.SetUtcNow(new DateTimeOffset(Calendar.ToUtc(local), TimeSpan.Zero));

    private static Meter Meter(string code, long priceUnits) => new()
    {
        Code = code, ProductCode = "CLOUDAUTH", Name = code, NameEn = code, Unit = "call", UnitPriceUnits = priceUnits,
        Outcomes = "passed,failed", BillableOutcomes = "passed,failed",
    };

    private static PackType PackTypeFor(string code, string meter) => new()
    {
        Code = code, ProductCode = "CLOUDAUTH", Name = code, NameEn = code, Cycle = PackCycle.None, CoveredMeters = meter,
    };

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
