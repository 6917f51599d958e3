using System.Net;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Foundation;

[Collection(HostCollection.Name)]
public sealed class FoundationEndpointsTests(FoundationEndpointsTests.App app) : IClassFixture<FoundationEndpointsTests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task Healthz_DatabaseReachable_Returns200()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        var response = await app.AnonymousClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"openapi\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignInPage_RendersTheLoginForm()
    {
        var html = await app.AnonymousClient().GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Contains("Input.Email", html);
        Assert.Contains("费用中心", System.Net.WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bills")]
    [InlineData("/packs")]
    [InlineData("/staff")]
    public async Task ProtectedPages_Anonymous_RedirectToSignIn(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_Owner_ShowsTheBalance()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/", TestContext.Current.CancellationToken));

        Assert.Contains("¥5,000.00", html);
        Assert.Contains(DemoSeeder.DemoAccountName, html);
    }

    [Fact]
    public async Task StaffConsole_Owner_IsDenied()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var response = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffConsole_Support_IsServed()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Support.Email, DemoSeeder.Support.Password);

        var response = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_Anonymous_IsRefused()
    {
        var response = await app.AnonymousClient().GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("support")]
    public async Task HangfireDashboard_NonAdmin_IsRefused(string who)
    {
        var login = who == "owner" ? DemoSeeder.Owner : DemoSeeder.Support;
        var client = await app.SignedInClientAsync(login.Email, login.Password);

        var response = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_Admin_IsServed()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Admin.Email, DemoSeeder.Admin.Password);

        var response = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("daily-billing", await client.GetStringAsync("/hangfire/recurring", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConsoleAssets_AreServedUnderAssets()
    {
        var response = await app.AnonymousClient().GetAsync("/assets/logo.svg", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
