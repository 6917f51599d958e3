using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Server render time of the overview, bills and resource pack pages (prerendered HTML, as the first GET of a
/// signed-in browser gets it) for one account with 2 years of daily bills (730, two lines each) and 500 packs,
/// seeded straight into the database, against <c>/healthz</c> over the same signed-in connection.
/// </summary>
internal static partial class RenderBench
{
    private const string Password = "Owner#2026pw";

    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        await using var app = BenchApp.Start();
        var (accountId, _, email) = await app.NewAccountAsync(Password);
        await SeedAsync(app, accountId);
        using var client = await SignInAsync(app, email);
        var repeats = quick ? 20 : 100;

        var floor = await TimeAsync(client, "/healthz", repeats);
        var rows = new List<Row>();
        foreach (var path in new[] { "/", "/bills", "/packs" })
        {
            var (p50, p95) = await TimeAsync(client, path, repeats);
            // The page's size shows the data was rendered (not a loading state or a redirect to the login).
            var kib = await GetAsync(client, path) / 1024.0;
            rows.Add(new Row($"render {path} (730 bills, 500 packs)",
                $"p50 {Report.N(p50, "F1")} ms, p95 {Report.N(p95, "F1")} ms, {Report.N(kib, "F0")} KiB",
                $"p50 {Report.N(floor.P50, "F1")} ms /healthz", Report.N(p50 / floor.P50, "F0") + "×", "< 150 ms", p95 < 150));
        }
        return rows;
    }

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient client, string path, int repeats)
    {
        for (var i = 0; i < 3; i++) await GetAsync(client, path); // warm-up: JIT, EF query compilation, caches
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await GetAsync(client, path);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (Report.Percentile(times, 50), Report.Percentile(times, 95));
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static async Task SeedAsync(BenchApp app, Guid accountId)
    {
        await using var db = app.Db();
        var calendar = BillingCalendar.Shanghai;
        var now = DateTime.UtcNow;
        var today = calendar.DayOf(now);
        var meters = await db.Meters.AsNoTracking().Where(m => m.Code == "RP" || m.Code == "FV").ToListAsync();
        for (var d = 730; d >= 1; d--)
        {
            var day = today.AddDays(-d);
            var usages = meters.Select(m => new BillUsage
            {
                Service = m.Code, UsageDay = day, Quantity = 100 + d, PackDeductedQuantity = 0, UnitPrice = m.UnitPrice,
            });
            var draft = BillCalculator.Calculate(accountId, day, usages).Value!;
            db.Bills.Add(Bill.Issue(draft, BillPayment.Settle(draft.PayableAmount, Money.Yuan(1_000_000m)), now));
        }

        var specs = await db.PackSpecs.AsNoTracking().Where(s => !s.Trial).ToListAsync();
        var types = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code);
        for (var i = 0; i < 500; i++)
        {
            var spec = specs[i % specs.Count];
            var pack = ResourcePack.Create(accountId, types[spec.PackTypeCode], spec, PackOrigin.Purchased,
                now.AddDays(-(i % 300)), calendar).Value!;
            db.ResourcePacks.Add(pack);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The real login form, antiforgery token and all; the cookie stays in the client's container.</summary>
    private static async Task<HttpClient> SignInAsync(BenchApp app, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        using var response = await client.PostAsync("/Account/Login", form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
