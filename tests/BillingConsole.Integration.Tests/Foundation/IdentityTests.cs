using System.Net;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Foundation;

[Collection(HostCollection.Name)]
public sealed class IdentityTests(IdentityTests.App app) : IClassFixture<IdentityTests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task Register_CreatesAnAccountWithItsOwner_AndSignsIn()
    {
        var client = app.AnonymousClient();
        var page = await client.GetStringAsync("/Account/Register", TestContext.Current.CancellationToken);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "register",
            ["Input.AccountName"] = "Newco 新公司",
            ["Input.Email"] = "new.owner@example.com",
            ["Input.Password"] = "Newco#2026pw",
            ["Input.ConfirmPassword"] = "Newco#2026pw",
        });

        var response = await client.PostAsync("/Account/Register", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("new.owner@example.com");
        Assert.NotNull(user?.AccountId);
        Assert.True(await users.IsInRoleAsync(user!, Roles.Owner));
        await using var db = app.CreateDbContext();
        var account = await db.Accounts.SingleAsync(a => a.Id == user!.AccountId, TestContext.Current.CancellationToken);
        Assert.Equal("Newco 新公司", account.Name);
        Assert.Contains("¥0.00", WebUtility.HtmlDecode(await client.GetStringAsync("/", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheUserOut()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.CreateAsync(new ApplicationUser { UserName = "lock@example.com", Email = "lock@example.com" }, "Right#2026pw");
        }
        var client = app.AnonymousClient();

        for (var i = 0; i < 5; i++) await SignIn.PostLoginAsync(client, "lock@example.com", "wrong-password");
        var withRightPassword = await SignIn.PostLoginAsync(client, "lock@example.com", "Right#2026pw");

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.StartsWith("/Account/Lockout", withRightPassword.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
