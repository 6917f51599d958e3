using System.Net;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Support;

/// <summary>Issue 15 item 13: the Hangfire dashboard does not show where its storage is.</summary>
[Collection(HostCollection.Name)]
public sealed class StaffConsoleIssue15Tests(StaffConsoleIssue15Tests.App app) : IClassFixture<StaffConsoleIssue15Tests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task I4_Issue15_13_HangfireDashboard_HidesTheStoragePath()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Admin.Email, DemoSeeder.Admin.Password);

        var response = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("hangfire.db", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data Source", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Host=", html, StringComparison.OrdinalIgnoreCase); // PostgreSQL storage's footer
    }
}
