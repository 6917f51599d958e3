using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.QuotaAlerts;

[Collection(HostCollection.Name)]
public sealed class QuotaAlertsApiTests(QuotaAlertsApiTests.App app) : IClassFixture<QuotaAlertsApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    [Fact]
    public async Task AlertSettings_ListHeldTypesOnly_WithTheDefault()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        await AlertPacks.GrantAsync(app, accountId, "RP_CALLS");
        await AlertPacks.GrantAsync(app, accountId, "IOT_STORAGE");

        var settings = await app.Bearer(key).GetFromJsonAsync<JsonElement>("/api/v1/alert-settings");

        Assert.Equal(2, settings.GetArrayLength());
        var rp = settings.EnumerateArray().Single(s => s.GetProperty("packType").GetString() == "RP_CALLS");
        Assert.Equal((true, 30, true), (rp.GetProperty("enabled").GetBoolean(), rp.GetProperty("thresholdPercent").GetInt32(),
            rp.GetProperty("supported").GetBoolean()));
        Assert.Equal("实人认证流量包", rp.GetProperty("packTypeName").GetString());
        var storage = settings.EnumerateArray().Single(s => s.GetProperty("packType").GetString() == "IOT_STORAGE");
        Assert.False(storage.GetProperty("supported").GetBoolean());
    }

    [Theory]
    [InlineData("RP_CALLS", 0)]
    [InlineData("RP_CALLS", 100)]
    [InlineData("RP_CALLS", 12.5)]
    [InlineData("FV_CALLS", 20)]
    public async Task PutAlertSettings_BadPercentOrTypeNotHeld_Is400WithFieldErrors(string packType, decimal percent)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        await AlertPacks.GrantAsync(app, accountId, "RP_CALLS");

        var response = await app.Bearer(key).PutAsJsonAsync("/api/v1/alert-settings",
            new[] { new { packType, enabled = true, thresholdPercent = percent } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rows[0]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutThenDeduct_AlertEvaluationJob_NotificationInTheApi()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var pack = await AlertPacks.GrantAsync(app, accountId, "RP_CALLS");
        var put = await app.Bearer(key).PutAsJsonAsync("/api/v1/alert-settings",
            new[] { new { packType = "RP_CALLS", enabled = true, thresholdPercent = 20 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(20, (await put.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("thresholdPercent").GetInt32());

        await AlertPacks.DeductToPercentAsync(app, pack, 15);
        var run = await app.Admin().PostAsync("/api/v1/admin/jobs/alert-evaluation/run", null);
        var summary = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetString();

        Assert.Matches(@"^\d+ alerts, \d+ e-mails sent, 0 failed$", summary);
        var notes = await app.Bearer(key).GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal(("quota_alert", "RP_CALLS", 20, 150, 1000, "Sweep"), (note.GetProperty("kind").GetString(),
            note.GetProperty("packType").GetString(), note.GetProperty("thresholdPercent").GetInt32(),
            note.GetProperty("remaining").GetInt32(), note.GetProperty("total").GetInt32(), note.GetProperty("trigger").GetString()));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataFolder, "mail"), "*.eml"));
    }
}
