using System.Net;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 items 4, 5 and 8: return URLs, sign-out without a token, personal data without a token.</summary>
[Collection(HostCollection.Name)]
public sealed class SignInHardeningTests(SignInHardeningTests.App app) : IClassFixture<SignInHardeningTests.App>
{
    public sealed class App : BillingAppFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertStaysOnSite(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.False(response.Headers.Location.IsAbsoluteUri && response.Headers.Location.Host != "localhost", location);
        var path = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : location;
        Assert.True(path.StartsWith('/') && !path.StartsWith("//") && !path.StartsWith("/\\"), location);
        Assert.DoesNotContain("evil", location);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" //x")]
    [InlineData("\\\\evil.example")]
    public async Task SignIn_WithAnOffSiteReturnUrl_SignsInAndStaysOnTheSite(string returnUrl)
    {
        var client = app.AnonymousClient();
        var page = await client.GetStringAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.Email"] = DemoSeeder.Owner.Email,
            ["Input.Password"] = DemoSeeder.Owner.Password,
        });

        var response = await client.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), form, Ct);

        AssertStaysOnSite(response);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application="));
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_StillGoesThere()
    {
        var client = app.AnonymousClient();
        var page = await client.GetStringAsync("/Account/Login?ReturnUrl=%2Fbills", Ct);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.Email"] = DemoSeeder.Owner.Email,
            ["Input.Password"] = DemoSeeder.Owner.Password,
        });

        var response = await client.PostAsync("/Account/Login?ReturnUrl=%2Fbills", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/bills", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/evil.example", "/evil.example")]
    [InlineData("\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("bills", "/bills")]
    public async Task SignOut_WithAnyReturnUrl_RedirectsOnTheSite(string returnUrl, string expected)
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var page = await client.GetStringAsync("/", Ct);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["ReturnUrl"] = returnUrl,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithoutAnAntiforgeryToken_Is400WithAReadablePage()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var response = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }), Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(html.Contains("The form could not be sent") || html.Contains("表单未能提交"), html); // the console's culture
    }

    [Fact]
    public async Task DownloadPersonalData_WithoutAnAntiforgeryToken_Is400_AndWithOneWorks()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var refused = await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent([]), Ct);
        var page = await client.GetStringAsync("/Account/Manage/PersonalData", Ct);
        var allowed = await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain(DemoSeeder.Owner.Email, await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains(DemoSeeder.Owner.Email, await allowed.Content.ReadAsStringAsync(Ct));
    }
}
