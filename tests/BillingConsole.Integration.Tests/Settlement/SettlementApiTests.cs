using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Integration.Tests.Settlement;

[Collection(HostCollection.Name)]
public sealed class SettlementApiTests(SettlementApiTests.App app) : IClassFixture<SettlementApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App()
        {
            With("Admin:ApiToken", ApiClients.AdminToken);
            Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        }
    }

    /// <summary>Usage as ingestion leaves it: an hourly roll-up of 26 Nov (Shanghai).</summary>
    private async Task UsageYesterdayAsync(Guid accountId, string meter, long quantity, int localHour)
    {
        var calendar = BillingCalendar.Shanghai;
        var hour = calendar.HourStartUtc(calendar.ToUtc(new DateTime(2026, 11, 26, localHour, 0, 0)));
        await using var db = app.CreateDbContext();
        db.UsageHourlyRollups.Add(new UsageHourlyRollup
        {
            AccountId = accountId, MeterCode = meter, HourStartUtc = hour, UsageDay = new DateOnly(2026, 11, 26),
            BillableQuantity = quantity,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task B2_B3_DailyBillingRoute_ThenBillsAndLedgerAsApiMdSays()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync("Billed Co");
        await UsageYesterdayAsync(accountId, "FV", 7, 9);
        var api = app.Bearer(key);

        var run = await app.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null);
        var bills = await api.GetFromJsonAsync<JsonElement>("/api/v1/bills?from=2026-11-20&to=2026-11-26");
        var ledger = await api.GetFromJsonAsync<JsonElement>("/api/v1/ledger?from=2026-11-27&to=2026-11-27");
        var account = await api.GetFromJsonAsync<JsonElement>("/api/v1/account");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("bills issued", await run.Content.ReadAsStringAsync());
        var bill = Assert.Single(bills.EnumerateArray());
        Assert.Equal("2026-11-26", bill.GetProperty("usageDay").GetString());
        Assert.Equal("1.274", bill.GetProperty("grossAmount").GetString());
        Assert.Equal("0.004", bill.GetProperty("roundDownDiscount").GetString());
        Assert.Equal("1.27", bill.GetProperty("payableAmount").GetString());
        Assert.Equal("1.27", bill.GetProperty("outstandingAmount").GetString());
        Assert.Equal("outstanding", bill.GetProperty("status").GetString());
        Assert.EndsWith("Z", bill.GetProperty("issuedAt").GetString());
        var line = Assert.Single(bill.GetProperty("lines").EnumerateArray());
        Assert.Equal(("FV", "2026-11-26", 7, 0, 7), (line.GetProperty("service").GetString(), line.GetProperty("usageDay").GetString(),
            line.GetProperty("quantity").GetInt32(), line.GetProperty("packDeductedQuantity").GetInt32(),
            line.GetProperty("billableQuantity").GetInt32()));
        Assert.Equal(("0.182", "1.274", "0.004", "1.27"), (line.GetProperty("unitPrice").GetString(),
            line.GetProperty("grossAmount").GetString(), line.GetProperty("roundDownDiscount").GetString(),
            line.GetProperty("payableAmount").GetString()));
        var entry = Assert.Single(ledger.EnumerateArray());
        Assert.Equal(("daily_bill", "-1.27", "-1.27"), (entry.GetProperty("kind").GetString(),
            entry.GetProperty("amount").GetString(), entry.GetProperty("balanceAfter").GetString()));
        Assert.Equal(("arrears", "-1.27"), (account.GetProperty("status").GetString(), account.GetProperty("cashBalance").GetString()));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-11-27&to=2026-11-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2024-01-01&to=2026-11-01", "from")]
    public async Task Bills_BadRange_IsValidationProblem(string query, string field)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();

        var response = await app.Bearer(key).GetAsync("/api/v1/bills?" + query);
        var ledger = await app.Bearer(key).GetAsync("/api/v1/ledger?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ledger.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task BillsExport_WithoutSignIn_IsNotServed()
    {
        var response = await app.AnonymousClient().GetAsync("/bills/export.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
