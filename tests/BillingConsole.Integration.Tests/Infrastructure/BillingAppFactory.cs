using BillingConsole.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>
/// The real app on its own SQLite files in a temporary folder, with demo data. Hangfire's server is off so tests
/// drive jobs themselves; the time is a <see cref="FakeTimeProvider"/> when a test asks for one.
/// </summary>
public class BillingAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "billing-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings = new();
    private readonly bool ownsFolder = true;

    private readonly string? postgresDatabase;

    public BillingAppFactory()
    {
        Directory.CreateDirectory(folder);
        if (TestPostgres.SelectedForAllHosts)
        {
            postgresDatabase = TestPostgres.CreateDatabase(TestPostgres.RequireServer());
        }
    }

    /// <summary>
    /// The app on the data of an earlier host (a restart): same folder, same PostgreSQL database. This host owns
    /// neither; the earlier one removes them.
    /// </summary>
    public BillingAppFactory(BillingAppFactory earlier)
    {
        folder = earlier.folder;
        postgresDatabase = earlier.postgresDatabase;
        ownsFolder = false;
    }

    /// <summary>The PostgreSQL database of this host, when it runs on PostgreSQL.</summary>
    public string? PostgresDatabase => postgresDatabase;

    /// <summary>The provider this host runs on ("Sqlite" or "Postgres").</summary>
    public string Provider => postgresDatabase is null ? "Sqlite" : "Postgres";

    /// <summary>Set before the first request: the app's clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Set before the first request: a real clock that can be moved forward (browser journeys).</summary>
    public ShiftableTimeProvider? ShiftableClock { get; init; }

    public string DataFolder => folder;

    /// <summary>Adds a configuration value (before the host starts).</summary>
    public BillingAppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (postgresDatabase is null)
        {
            builder.UseSetting("ConnectionStrings:Billing", $"Data Source={Path.Combine(folder, "billing.db")}");
            builder.UseSetting("ConnectionStrings:Hangfire", $"Data Source={Path.Combine(folder, "hangfire.db")}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Billing", postgresDatabase);
            builder.UseSetting("ConnectionStrings:Hangfire", postgresDatabase);
        }
        builder.UseSetting("Email:PickupDirectory", Path.Combine(folder, "mail"));
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoHistoryDays", "0");
        // Tests sign in far more often than a person; the per-address form limits have their own tests (issue #16).
        builder.UseSetting("RateLimiting:AccountForms:SignInPermits", "100000");
        builder.UseSetting("RateLimiting:AccountForms:RegisterPermits", "100000");
        builder.UseSetting("RateLimiting:AccountForms:ResetPermits", "100000");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            if (((TimeProvider?)Clock ?? ShiftableClock) is { } clock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }
        });
    }

    /// <summary>A context on the app's database, for arranging and asserting.</summary>
    public BillingDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<BillingDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (ownsFolder)
            {
                if (postgresDatabase is not null) TestPostgres.DropDatabase(postgresDatabase);
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
    }
}
