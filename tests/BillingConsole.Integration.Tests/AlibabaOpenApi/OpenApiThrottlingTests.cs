using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>Issue #18: calls beyond an AccessKey's rate answer <c>Throttling.User</c>, which the SDK raises as ThrottlingError.</summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiThrottlingTests(OpenApiThrottlingTests.App app) : IClassFixture<OpenApiThrottlingTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App()
        {
            With("Admin:ApiToken", ApiClients.AdminToken);
            With("AlibabaOpenApi:PermitsPerSecond", "1");
            With("AlibabaOpenApi:Burst", "2");
        }
    }

    [Fact]
    public async Task ThirdCallInABurstOfTwo_IsThrottled_PerAccessKey()
    {
        var (accountId, _) = await app.NewAccountWithKeyAsync();
        var admin = app.Admin();
        var key = await AcsSigner.CreateKeyAsync(admin, accountId, "one");
        var other = await AcsSigner.CreateKeyAsync(admin, accountId, "two");
        var client = app.CreateClient();

        var answers = new List<int>();
        for (var i = 0; i < 3; i++) answers.Add((await client.CallAsync(key, "QueryAccountBalance", DateTime.UtcNow)).Status);
        var throttled = await client.CallAsync(key, "QueryAccountBalance", DateTime.UtcNow);
        var otherKey = await client.CallAsync(other, "QueryAccountBalance", DateTime.UtcNow);

        Assert.Equal([200, 200], answers.Take(2));
        Assert.Equal((429, "Throttling.User"), (throttled.Status, throttled.Body.GetProperty("Code").GetString()));
        Assert.Equal(200, otherKey.Status);
    }
}
