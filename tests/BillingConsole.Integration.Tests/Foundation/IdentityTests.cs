using System.Net;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Demo;
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
    public async Task Register_CreatesAnAccountWithItsOwner_WhoThenSignsIn()
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
        // Registration answers alike for new and used addresses (issue #16), so the new owner signs in with the password.
        Assert.EndsWith("Account/RegisterConfirmation", response.Headers.Location!.OriginalString);
        var owner = await app.SignedInClientAsync("new.owner@example.com", "Newco#2026pw");
        Assert.Contains("¥0.00", WebUtility.HtmlDecode(await owner.GetStringAsync("/", TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("zh-CN", "请输入账号名称。", "两次输入的密码不一致。")]
    [InlineData("en-US", "The Account name field is required.", "The password and confirmation password do not match.")]
    public async Task Register_WithBadInput_SaysWhyInThePagesLanguage_AndOpensNothing(string culture, string name, string confirm)
    {
        var client = app.AnonymousClient();
        var page = await client.GetStringAsync($"/Account/Register?culture={culture}", TestContext.Current.CancellationToken);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "register",
            ["Input.AccountName"] = "",
            ["Input.Email"] = "bad.input@example.com",
            ["Input.Password"] = "Newco#2026pw",
            ["Input.ConfirmPassword"] = "Other#2026pw",
        });

        var response = await client.PostAsync($"/Account/Register?culture={culture}", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(name, html);
        Assert.Contains(confirm, html);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("bad.input@example.com"));
    }

    [Theory]
    [InlineData("/Account/Manage", "个人资料", "Profile")]
    [InlineData("/Account/Manage/Email", "管理邮箱", "Manage email")]
    [InlineData("/Account/Manage/ChangePassword", "修改密码", "Change password")]
    [InlineData("/Account/Manage/TwoFactorAuthentication", "双重验证（2FA）", "Two-factor authentication (2FA)")]
    [InlineData("/Account/Manage/EnableAuthenticator", "配置身份验证器应用", "Configure authenticator app")]
    [InlineData("/Account/Manage/Passkeys", "管理通行密钥", "Manage your passkeys")]
    [InlineData("/Account/Manage/PersonalData", "个人数据", "Personal Data")]
    public async Task ManagePages_ReadInChinese_AndInEnglishWhenAsked(string path, string chinese, string english)
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var zh = WebUtility.HtmlDecode(await client.GetStringAsync(path, TestContext.Current.CancellationToken));
        var en = WebUtility.HtmlDecode(await client.GetStringAsync(path + "?culture=en-US", TestContext.Current.CancellationToken));

        Assert.Contains(chinese, zh);
        Assert.DoesNotContain(english, zh);
        Assert.Contains("管理您的账号", zh);
        Assert.Contains(english, en);
        Assert.Contains("Manage your account", en);
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
