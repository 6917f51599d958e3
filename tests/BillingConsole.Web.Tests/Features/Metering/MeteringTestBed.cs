using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.Metering;

/// <summary>A migrated in-memory database with the Cloudauth meters and one account, and the metering handlers on it.</summary>
public sealed class MeteringTestBed : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc);

    private MeteringTestBed(TestDatabase database, Guid accountId)
    {
        Database = database;
        AccountId = accountId;
        Catalog = new MeterCatalog(database);
        Writer = new SqliteUsageEventWriter(new DatabaseOptions(DatabaseOptions.Sqlite, database.ConnectionString, ""));
        Record = new RecordUsageHandler(Catalog, BillingCalendar.Shanghai, Options.Create(new MeteringOptions()), Writer, Clock);
        Entitlement = new GetEntitlementHandler(database, Catalog, Options.Create(new BillingOptions()));
        Report = new GetUsageReportHandler(database, BillingCalendar.Shanghai, Clock);
    }

    public TestDatabase Database { get; }
    public Guid AccountId { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Now));
    public MeterCatalog Catalog { get; }
    public SqliteUsageEventWriter Writer { get; }
    public RecordUsageHandler Record { get; }
    public GetEntitlementHandler Entitlement { get; }
    public GetUsageReportHandler Report { get; }

    public static async Task<MeteringTestBed> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        db.Products.Add(new Product { Code = "CLOUDAUTH", Name = "实人认证", NameEn = "Cloudauth" });
        db.Meters.AddRange(
            Meter("RP", "RP", "passed,failed,abandoned,error", "passed,failed"),
            Meter("FV", "FV", "passed,failed,abandoned,error", "passed,failed"),
            Meter("FACE_COMPARE", null, "score_returned,error", "score_returned"),
            Meter("FACE_ATTRIBUTE", null, "result_returned,error", "result_returned"),
            new Meter
            {
                Code = "OFFLINE_SDK", ProductCode = "CLOUDAUTH", Name = "离线人脸识别SDK", NameEn = "Offline SDK", Unit = "device-year",
                UnitPriceUnits = 3_990_000, Outcomes = "", BillableOutcomes = "", Metered = false,
            });
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return new MeteringTestBed(database, account.Id);
    }

    /// <summary>Runs a JSON body through the parser and the handler, as the endpoint does.</summary>
    public async Task<RecordUsageResult> PostAsync(string json, Guid? accountId = null)
    {
        var parsed = UsageRequestParser.Parse(new System.Buffers.ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.True(parsed.IsOk, parsed.Error);
        return await Record.HandleAsync(new RecordUsageCommand(accountId ?? AccountId, parsed.Value!), default);
    }

    /// <summary>One event as JSON; occurredAt defaults to a minute before now.</summary>
    public static string Event(string id, string service = "RP", string outcome = "passed", string? occurredAt = null,
        string? sceneId = null, long? quantity = null) =>
        "{" + $"\"eventId\":\"{id}\",\"service\":\"{service}\",\"outcome\":\"{outcome}\",\"occurredAt\":\"{occurredAt ?? Now.AddMinutes(-1).ToString("O")}\""
        + (sceneId is null ? "" : $",\"sceneId\":\"{sceneId}\"") + (quantity is null ? "" : $",\"quantity\":{quantity}") + "}";

    public static string Batch(params string[] events) => "{\"events\":[" + string.Join(",", events) + "]}";

    private static Meter Meter(string code, string? prefix, string outcomes, string billable) => new()
    {
        Code = code, ProductCode = "CLOUDAUTH", Name = code, NameEn = code, Unit = "call", UnitPriceUnits = 10_000,
        ScenePrefix = prefix, Outcomes = outcomes, BillableOutcomes = billable,
    };

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        await Database.DisposeAsync();
    }
}
