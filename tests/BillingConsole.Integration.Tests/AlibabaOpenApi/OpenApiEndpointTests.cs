using System.Net;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>Issue #18: the endpoint at <c>/</c>, the signature checks and the Alibaba error codes (section 5).</summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiEndpointTests(OpenApiApp app) : IClassFixture<OpenApiApp>
{
    private static readonly DateTime Now = OpenApiApp.Now;

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static void AssertError(int expectedStatus, string code, (int Status, JsonElement Body) answer)
    {
        Assert.Equal((expectedStatus, code), (answer.Status, answer.Body.GetProperty("Code").GetString()));
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("RequestId").GetString()));
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("Message").GetString()));
    }

    [Fact]
    public async Task Root_WithoutTheHeader_IsStillTheConsole()
    {
        using var response = await Client().GetAsync("/");
        using var post = await Client().PostAsync("/", new StringContent(""));

        Assert.DoesNotContain("json", response.Content.Headers.ContentType?.MediaType ?? "");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{response.StatusCode}");
        Assert.DoesNotContain("InvalidAction", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("IncompleteSignature", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_WithTheHeaderButNoSignature_IsIncompleteSignature_NotProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("x-acs-action", "QueryAccountBalance");

        var answer = await AcsSigner.SendAsync(Client(), request);

        AssertError(400, "IncompleteSignature", answer);
    }

    [Fact]
    public async Task QueryAccountBalance_Signed_AnswersThePascalCaseModel()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);

        var (status, body) = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now);

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("Success").GetBoolean());
        var data = body.GetProperty("Data");
        Assert.Equal(("0.00", "0.00", "CNY", "0.00"), (data.GetProperty("AvailableAmount").GetString(),
            data.GetProperty("AvailableCashAmount").GetString(), data.GetProperty("Currency").GetString(),
            data.GetProperty("CreditAmount").GetString()));
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch_WithTheServerStringToSign()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var wrong = account.AccessKey with { AccessKeySecret = account.AccessKey.AccessKeySecret + "x" };

        var answer = await Client().CallAsync(wrong, "QueryAccountBalance", Now);

        AssertError(400, "SignatureDoesNotMatch", answer);
        Assert.Contains("server string to sign is:ACS3-HMAC-SHA256\n", answer.Body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task UnknownKey_IsNotFound_AndDisabledKeyIsInactive_AndDeletedKeyIsNotFound()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var unknown = new AcsKey("BCAK" + new string('x', 20), "secret");
        var admin = app.Admin();

        var notFound = await Client().CallAsync(unknown, "QueryAccountBalance", Now);
        (await admin.PostAsync($"/api/v1/admin/accounts/{account.AccountId}/access-keys/{account.AccessKey.AccessKeyId}/disable", null))
            .EnsureSuccessStatusCode();
        var inactive = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now);
        (await admin.DeleteAsync($"/api/v1/admin/accounts/{account.AccountId}/access-keys/{account.AccessKey.AccessKeyId}"))
            .EnsureSuccessStatusCode();
        var deleted = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now);

        AssertError(404, "InvalidAccessKeyId.NotFound", notFound);
        AssertError(400, "InvalidAccessKeyId.Inactive", inactive);
        AssertError(404, "InvalidAccessKeyId.NotFound", deleted);
    }

    [Theory]
    [InlineData(-16, "InvalidTimeStamp.Expired")]
    [InlineData(16, "InvalidTimeStamp.Expired")]
    public async Task DateSixteenMinutesOff_IsExpired(int minutes, string code)
    {
        var account = await OpenApiWorld.NewAccountAsync(app);

        var off = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now.AddMinutes(minutes));
        var within = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now.AddMinutes(minutes > 0 ? 14 : -14));

        AssertError(400, code, off);
        Assert.Equal(200, within.Status);
    }

    [Fact]
    public async Task ReusedNonce_IsRefused_EvenWithAFreshSignature()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var first = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now, nonce: nonce);
        var replay = await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now.AddSeconds(5), nonce: nonce);

        Assert.Equal(200, first.Status);
        AssertError(400, "SignatureNonceUsed", replay);
    }

    [Fact]
    public async Task LastUsed_IsRecorded()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);

        await Client().CallAsync(account.AccessKey, "QueryAccountBalance", Now);

        await using var db = app.CreateDbContext();
        Assert.Equal(Now, db.AccessKeys.Single(k => k.AccessKeyId == account.AccessKey.AccessKeyId).LastUsedAtUtc);
    }

    [Theory]
    [InlineData("QueryBillOverview", "", "", 400, "MissingParameter")]
    [InlineData("QueryBill", "BillingCycle", "2026-13", 400, "InvalidParameter")]
    [InlineData("QueryResourcePackageInstances", "PageSize", "301", 400, "InvalidParameter")]
    [InlineData("DescribeInstanceBill", "BillingCycle", "2026-11", 200, null)]
    [InlineData("DescribeResourcePackageProduct", "", "", 400, "MissingParameter")]
    [InlineData("QueryAccountTransactions", "CreateTimeStart", "yesterday", 400, "InvalidParameter")]
    [InlineData("QueryAccountBalance", "OwnerId", "1234567890", 403, "Forbidden")]
    [InlineData("CreateInstance", "", "", 404, "InvalidAction.NotFound")]
    public async Task Parameters_AreCheckedWithAlibabaCodes(string action, string name, string value, int status, string? code)
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var parameters = name.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { [name] = value };

        var answer = await Client().CallAsync(account.AccessKey, action, Now, parameters);

        if (code is null) Assert.Equal(200, answer.Status);
        else AssertError(status, code, answer);
    }

    [Fact]
    public async Task OwnerIdOfItsOwnAccount_IsFine_AnotherAccountsIsForbidden()
    {
        var a = await OpenApiWorld.NewAccountAsync(app, "A Co");
        var b = await OpenApiWorld.NewAccountAsync(app, "B Co");

        var own = await Client().CallAsync(a.AccessKey, "QueryBillOverview", Now,
            new Dictionary<string, string> { ["BillingCycle"] = "2026-11", ["BillOwnerId"] = a.AccountId.ToString() });
        var other = await Client().CallAsync(a.AccessKey, "QueryBillOverview", Now,
            new Dictionary<string, string> { ["BillingCycle"] = "2026-11", ["BillOwnerId"] = b.AccountId.ToString() });

        Assert.Equal(200, own.Status);
        AssertError(403, "Forbidden", other);
    }

    [Fact]
    public async Task BodyAboveTheLimit_IsRefusedWithAnAlibabaBody()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        using var request = AcsSigner.Request(Client().BaseAddress!, account.AccessKey, "QueryAccountBalance", Now);
        request.Content = new ByteArrayContent(new byte[64 * 1024]);

        var answer = await AcsSigner.SendAsync(Client(), request);

        AssertError(413, "RequestBodyTooLarge", answer);
    }

    [Fact]
    public async Task LegacyV1Signature_WithoutXAcsHeaders_IsAccepted_AndChecked()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var nonce = Guid.NewGuid().ToString("N");
        var wrong = account.AccessKey with { AccessKeySecret = "wrong-secret" };

        var ok = await AcsSigner.SendAsync(Client(), AcsSigner.LegacyRequest(Client().BaseAddress!, account.AccessKey,
            "QueryBillOverview", Now, new Dictionary<string, string> { ["BillingCycle"] = "2026-11" }, nonce));
        var replay = await AcsSigner.SendAsync(Client(), AcsSigner.LegacyRequest(Client().BaseAddress!, account.AccessKey,
            "QueryAccountBalance", Now, nonce: nonce));
        var mismatch = await AcsSigner.SendAsync(Client(), AcsSigner.LegacyRequest(Client().BaseAddress!, wrong,
            "QueryAccountBalance", Now));
        var expired = await AcsSigner.SendAsync(Client(), AcsSigner.LegacyRequest(Client().BaseAddress!, account.AccessKey,
            "QueryAccountBalance", Now.AddMinutes(-20)));

        Assert.Equal(200, ok.Status);
        Assert.Equal("2026-11", ok.Body.GetProperty("Data").GetProperty("BillingCycle").GetString());
        AssertError(400, "SignatureNonceUsed", replay);
        AssertError(400, "SignatureDoesNotMatch", mismatch);
        AssertError(400, "InvalidTimeStamp.Expired", expired);
    }
}
