using System.Net;
using System.Text;
using BillingConsole.Integration.Tests.Infrastructure;
using static BillingConsole.Integration.Tests.Hardening.Problems;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 7: every 4xx/5xx of /api/v1 is problem details with a title, whatever produced it.</summary>
[Collection(HostCollection.Name)]
public sealed class ApiProblemTests(ApiProblemTests.App app) : IClassFixture<ApiProblemTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/api/v1/packs", "{\"packSpecId\": ", "application/json")]
    [InlineData("POST", "/api/v1/packs", "packSpecId=x&quantity=1", "application/x-www-form-urlencoded")]
    [InlineData("POST", "/api/v1/packs", "<pack><packSpecId>x</packSpecId></pack>", "application/xml")]
    [InlineData("POST", "/api/v1/recharges", "[]", "application/json")]
    [InlineData("POST", "/api/v1/recharges", "", "application/json")]
    [InlineData("PUT", "/api/v1/alert-settings", "{\"packType\":\"RP\",\"enabled\":true}", "application/json")]
    [InlineData("PUT", "/api/v1/alert-settings", "[{\"enabled\":\"yes\"}]", "application/json")]
    [InlineData("DELETE", "/api/v1/packs", "", "application/json")]
    [InlineData("GET", "/api/v1/no-such-route", "", "application/json")]
    [InlineData("GET", "/api/v1/recharges/not-a-guid", "", "application/json")]
    [InlineData("GET", "/api/v1/bills?from=yesterday", "", "application/json")]
    public async Task ABadRequest_IsAnsweredWithProblemDetails(string method, string path, string body, string contentType)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent(body, Encoding.UTF8, contentType);

        var response = await app.Bearer(key).SendAsync(request, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {text}");
        AssertIsProblem(response, text);
    }

    [Fact]
    public async Task AWrongMethod_Is405Problem()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();

        var response = await app.Bearer(key).PatchAsync("/api/v1/alert-settings",
            new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task AnUnknownAdminRoute_IsProblemDetailsToo()
    {
        var response = await app.Admin().GetAsync("/api/v1/admin/nothing-here", Ct);

        AssertIsProblem(response, await response.Content.ReadAsStringAsync(Ct));
    }
}
