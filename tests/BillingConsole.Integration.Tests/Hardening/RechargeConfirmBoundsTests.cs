using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BillingConsole.Integration.Tests.Hardening.Problems;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 6: the amount a staff confirmation credits is bounded, with problem details.</summary>
[Collection(HostCollection.Name)]
public sealed class RechargeConfirmBoundsTests(RechargeConfirmBoundsTests.App app) : IClassFixture<RechargeConfirmBoundsTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid AccountId, Guid RechargeId)> OfflineOrderAsync(string amount)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var created = await app.Bearer(key).PostAsJsonAsync("/api/v1/recharges", new { amount, method = "offline" }, Ct);
        created.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        return (accountId, json.RootElement.GetProperty("rechargeId").GetGuid());
    }

    [Theory]
    [InlineData("900000000000000.00")]
    [InlineData("10.01")]
    [InlineData("99999999999999999999999999.99")]
    [InlineData("79228162514264337593543950335")]
    public async Task Confirm_AnAmountOutOfBounds_Is400Problem_AndCreditsNothing(string amountReceived)
    {
        var (accountId, rechargeId) = await OfflineOrderAsync("1.00");

        var response = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived }, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        Assert.False(await db.LedgerEntries.AnyAsync(e => e.AccountId == accountId, Ct));
    }

    [Fact]
    public async Task Confirm_UpToTheToleranceOfTheOrder_IsCredited()
    {
        var (_, rechargeId) = await OfflineOrderAsync("1.00");

        var response = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "10.00" }, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("10.00", JsonDocument.Parse(body).RootElement.GetProperty("amountCredited").GetString());
    }
}

/// <summary>The tolerance is configuration: <c>Payments:ReceivedToleranceFactor</c>.</summary>
[Collection(HostCollection.Name)]
public sealed class RechargeConfirmToleranceTests(RechargeConfirmToleranceTests.App app) : IClassFixture<RechargeConfirmToleranceTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken).With("Payments:ReceivedToleranceFactor", "1");
    }

    [Fact]
    public async Task Confirm_WithAToleranceOfOne_RefusesAnythingAboveTheOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, key) = await app.NewAccountWithKeyAsync();
        var created = await app.Bearer(key).PostAsJsonAsync("/api/v1/recharges", new { amount = "5.00", method = "offline" }, ct);
        var rechargeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("rechargeId").GetGuid();

        var over = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "5.01" }, ct);
        var exact = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "5.00" }, ct);

        await AssertProblemAsync(over, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
    }
}
