using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 10: cookies are Secure on HTTPS (also behind a proxy), the CSP opens no socket elsewhere.</summary>
[Collection(HostCollection.Name)]
public sealed class CookieAndCspTests(CookieAndCspTests.App app) : IClassFixture<CookieAndCspTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("ForwardedHeaders:Enabled", "true");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client(string baseAddress) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false,
    });

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task OverHttps_EveryCookieIsSecure()
    {
        var response = await Client("https://localhost").GetAsync("/Account/Login", Ct);

        var cookies = Cookies(response).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BehindAProxyThatSaysHttps_EveryCookieIsSecure()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await Client("http://localhost").SendAsync(request, Ct);

        var cookies = Cookies(response).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ThePolicy_AllowsConnectionsToThisSiteOnly()
    {
        var response = await Client("https://localhost").GetAsync("/Account/Login", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
        Assert.DoesNotContain("wss:", csp);
    }
}
