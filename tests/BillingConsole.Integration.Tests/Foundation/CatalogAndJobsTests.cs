using BillingConsole.Domain.Pricing;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Foundation;

[Collection(HostCollection.Name)]
public sealed class CatalogAndJobsTests(CatalogAndJobsTests.App app) : IClassFixture<CatalogAndJobsTests.App>
{
    public sealed class App : BillingAppFactory;

    [Theory]
    [InlineData("RP", "1.00")]
    [InlineData("FV", "0.182")]
    [InlineData("FACE_COMPARE", "0.006")]
    [InlineData("FACE_ATTRIBUTE", "0.006")]
    [InlineData("OFFLINE_SDK", "399.00")]
    public async Task M1_CatalogFile_SeedsCloudauthPrices(string meter, string price)
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        var row = await db.Meters.SingleAsync(m => m.Code == meter);

        Assert.Equal(price, row.UnitPrice.ToExactString());
    }

    [Fact]
    public async Task Catalog_HasTrialPacksAndEveryCycle()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();

        var specs = await db.PackSpecs.ToListAsync();
        var types = await db.PackTypes.ToListAsync();

        Assert.Contains(specs, s => s is { SpecId: "RP_CALLS_TRIAL", Trial: true, Quantity: 100, PriceUnits: 0 });
        Assert.Contains(specs, s => s is { SpecId: "FV_CALLS_TRIAL", Trial: true, Quantity: 100, PriceUnits: 0 });
        Assert.Equal(3, specs.Count(s => s.PackTypeCode == "RP_CALLS" && !s.Trial));
        Assert.Contains(types, t => t.Cycle == PackCycle.Monthly);
        Assert.Contains(types, t => t.Cycle == PackCycle.Hourly);
        Assert.All(specs.Where(s => !s.Trial), s => Assert.True(s.DemoPrice));
    }

    [Fact]
    public void J1_FourRecurringJobsAreRegistered_DailyBillingInShanghaiAtTen()
    {
        _ = app.Server;
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs();

        Assert.Equal(RecurringJobs.All.Order(), jobs.Select(j => j.Id).Order());
        var daily = jobs.Single(j => j.Id == RecurringJobs.DailyBilling);
        Assert.Equal("0 10 * * *", daily.Cron);
        Assert.Equal("Asia/Shanghai", daily.TimeZoneId);
    }
}

[Collection(HostCollection.Name)]
public sealed class HealthWhenDatabaseBrokenTests(HealthWhenDatabaseBrokenTests.App app) : IClassFixture<HealthWhenDatabaseBrokenTests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task Healthz_DatabaseUnreadable_Returns503()
    {
        var client = app.AnonymousClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        if (app.PostgresDatabase is { } database)
        {
            TestPostgres.DropDatabase(database);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = Path.Combine(app.DataFolder, "billing.db");
            foreach (var f in new[] { file + "-wal", file + "-shm" }.Where(File.Exists)) File.Delete(f);
            await File.WriteAllBytesAsync(file, new byte[8192]);
        }

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }
}
