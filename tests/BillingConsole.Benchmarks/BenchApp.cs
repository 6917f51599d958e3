using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Benchmarks;

/// <summary>
/// The real app (Program) on Kestrel on a loopback port with its own SQLite files, as an operator runs it, minus
/// the demo seed, the Hangfire server and the per-key rate limit (which would cap a benchmark, not the code).
/// </summary>
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string AdminToken = "bench-admin-token-0123456789";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "billing-bench", Guid.NewGuid().ToString("N"));
    public string BaseUrl { get; private set; } = "";
    public string BillingDb => Path.Combine(Folder, "billing.db");

    /// <summary>Set by <see cref="Start"/>: map the build's static web assets (only a real browser needs them).</summary>
    private bool staticWebAssets;

    /// <param name="staticWebAssets">
    /// For benchmarks that drive a browser: blazor.web.js and MudBlazor's files. Off otherwise, because the mapping
    /// checks the disk in the route matcher on every request (8.8 % of the CPU of an entitlement run with it on).
    /// </param>
    public static BenchApp Start(bool staticWebAssets = false)
    {
        // The content root: WebApplicationFactory reads this variable before guessing from the solution folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BILLINGCONSOLE_WEB", WebProjectFolder());
        var app = new BenchApp { staticWebAssets = staticWebAssets };
        Directory.CreateDirectory(app.Folder);
        app.UseKestrel(0);
        app.StartServer();
        app.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        return app;
    }

    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "BillingConsole.Web");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("src/BillingConsole.Web not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production does not map the build's static web assets (blazor.web.js, MudBlazor's files) by itself; a
        // published app has them in wwwroot. Running from the build output, this maps them as publishing would.
        if (staticWebAssets) builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Billing", $"Data Source={BillingDb}");
        builder.UseSetting("ConnectionStrings:Hangfire", $"Data Source={Path.Combine(Folder, "hangfire.db")}");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Folder, "mail"));
        builder.UseSetting("Admin:ApiToken", AdminToken);
        builder.UseSetting("Hangfire:Server", "false");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, NoopEndpoint>());
    }

    /// <summary>
    /// <c>GET /bench/noop</c>, answered before the app's first middleware: what Kestrel and the in-process load
    /// generator cost on their own, the ceiling of any figure this benchmark can show on this machine.
    /// </summary>
    private sealed class NoopEndpoint : IStartupFilter
    {
        public const string Path = "/bench/noop";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) => context.Request.Path == Path
                ? context.Response.WriteAsync("ok")
                : inner());
            next(app);
        };
    }

    public const string NoopPath = NoopEndpoint.Path;

    public HttpClient Http(string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromMinutes(5),
        };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public BillingDbContext Db() => Services.GetRequiredService<IDbContextFactory<BillingDbContext>>().CreateDbContext();

    public async Task<(Guid AccountId, string Key, string Email)> NewAccountAsync(string password = "Owner#2026pw")
    {
        using var admin = Http(AdminToken);
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts", new { name = "Bench Co", ownerEmail = email, ownerPassword = password });
        created.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("accountId").GetGuid();
        var key = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{id}/api-keys", new { name = "bench" });
        key.EnsureSuccessStatusCode();
        return (id, JsonDocument.Parse(await key.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!, email);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
