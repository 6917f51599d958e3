using System.Net;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 9: per-address limits on the account forms; registration does not reveal a used address.</summary>
[Collection(HostCollection.Name)]
public sealed class AccountFormAbuseTests(AccountFormAbuseTests.App app) : IClassFixture<AccountFormAbuseTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("RateLimiting:AccountForms:SignInPermits", "3")
            .With("RateLimiting:AccountForms:RegisterPermits", "1000")
            .With("RateLimiting:AccountForms:ResetPermits", "2");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler,
        Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, Ct);
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task SignIn_FromOneAddress_IsLimited_BeforeTheOwnerIsLockedOut()
    {
        var client = app.AnonymousClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await PostFormAsync(client, "/Account/Login", "login", new()
            {
                ["Input.Email"] = DemoSeeder.Support.Email, ["Input.Password"] = "wrong-password",
            });
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.Contains("Retry-After"));
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(3, answers.Count(a => a != HttpStatusCode.TooManyRequests));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BillingConsole.Infrastructure.Identity.ApplicationUser>>();
        var support = await users.FindByEmailAsync(DemoSeeder.Support.Email);
        Assert.False(await users.IsLockedOutAsync(support!)); // 3 failures < the lockout's 5
    }

    [Fact]
    public async Task PasswordReset_FromOneAddress_IsLimited()
    {
        var client = app.AnonymousClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await PostFormAsync(client, "/Account/ForgotPassword", "forgot-password", new()
            {
                ["Input.Email"] = $"someone{i}@example.com",
            })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task Register_WithAnAddressInUse_AnswersLikeANewOne_AndMailsThatAddress()
    {
        var mailFolder = Path.Combine(app.DataFolder, "mail");
        var mailsBefore = Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml").Length : 0;
        Dictionary<string, string> Form(string email) => new()
        {
            ["Input.AccountName"] = "Probe Co", ["Input.Email"] = email,
            ["Input.Password"] = "Probe#2026pw", ["Input.ConfirmPassword"] = "Probe#2026pw",
        };

        var used = await PostFormAsync(app.AnonymousClient(), "/Account/Register", "register", Form(DemoSeeder.Owner.Email));
        var fresh = await PostFormAsync(app.AnonymousClient(), "/Account/Register", "register", Form($"fresh-{Guid.NewGuid():N}@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(fresh.StatusCode, used.StatusCode);
        Assert.Equal(fresh.Headers.Location, used.Headers.Location);
        Assert.Equal(fresh.Headers.Contains("Set-Cookie") && fresh.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity")),
            used.Headers.Contains("Set-Cookie") && used.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity")));
        var confirmation = await app.AnonymousClient().GetStringAsync(used.Headers.Location, Ct);
        Assert.Contains("register-confirmation", confirmation);
        var mails = Directory.GetFiles(mailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Equal(mailsBefore + 2, mails.Count);
        Assert.Contains(mails, m => m.To.ToString().Contains(DemoSeeder.Owner.Email) && (m.TextBody ?? "").Contains("Someone tried to open"));
    }

    [Fact]
    public async Task RegisterConfirmation_LooksNothingUp()
    {
        var known = await app.AnonymousClient().GetAsync($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(DemoSeeder.Owner.Email)}", Ct);
        var unknown = await app.AnonymousClient().GetAsync("/Account/RegisterConfirmation?email=nobody%40example.com", Ct);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
    }
}
