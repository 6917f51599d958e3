using System.Globalization;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Localization;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Resources;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BillingConsole.Web.Tests.Components.Localization;

/// <summary>Result messages and the pages changed for issue #8 read in the console's culture, in both cultures.</summary>
public sealed class LocalizedMessagesTests : BillingTestContext
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private IStringLocalizer<SharedResource> L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    [Fact]
    public void ResultMessage_KeepsTheEnglishFormatAndArguments_AndTheApiTextStaysEnglish()
    {
        UseCulture("zh-CN");
        const int max = 10;

        var result = Result<int>.Invalid("years", $"Choose 1 to {max} years.");

        Assert.Equal("Choose 1 to {0} years.", result.Message!.Format);
        Assert.Equal([10], result.Message.Arguments.Cast<int>());
        Assert.Equal("Choose 1 to 10 years.", result.Error);
        Assert.Equal(["Choose 1 to 10 years."], result.FieldErrors["years"]);
    }

    [Theory]
    [InlineData("zh-CN", "请选择 1 到 10 年。", "余额不足：余额（100.00）不足以支付 250.00。 请先充值。")]
    [InlineData("en-US", "Choose 1 to 10 years.", "Insufficient balance: The balance (100.00) does not cover 250.00. Recharge first.")]
    public void ResultText_TranslatesFieldAndNestedMessages(string culture, string field, string nested)
    {
        UseCulture(culture);
        const int max = 10;
        var inner = Result<int>.Conflict($"The balance ({"100.00"}) does not cover {"250.00"}.");

        var invalid = Result<int>.Invalid("years", $"Choose 1 to {max} years.");
        var refused = Result<int>.Conflict($"Insufficient balance: {inner.Message} Recharge first.");

        Assert.Equal(field, L.FieldError(invalid, "years"));
        Assert.Equal(field, L.FirstError(invalid));
        Assert.Equal(nested, L.Error(refused));
        Assert.Equal("Insufficient balance: The balance (100.00) does not cover 250.00. Recharge first.", refused.Error);
    }

    [Fact]
    public void ResultText_CarriesTheFormatThroughCast()
    {
        UseCulture("zh-CN");

        var cast = Result<int>.NotFound("The account does not exist.").Cast<string>();

        Assert.Equal("账号不存在。", L.Error(cast));
    }

    [Theory]
    [InlineData("zh-CN", "只读", "模拟登录", "请填写 5 到 500 个字符的原因。")]
    [InlineData("en-US", "read-only", "Impersonate", "Give a reason of 5 to 500 characters.")]
    public async Task ImpersonateDialog_ReadsInTheCulture_AndRefusesAShortReason(string culture, string readOnly,
        string button, string error)
    {
        UseCulture(culture);
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<ImpersonateDialog>("", new DialogParameters<ImpersonateDialog>
        {
            { d => d.AccountName, "Acme <Co>" },
        }));
        provider.Find("textarea").Input("hi");
        provider.Find("[data-testid=impersonation-confirm]").Click();

        var text = provider.Find(".mud-dialog").TextContent;
        Assert.Contains(readOnly, text);
        Assert.Contains("Acme <Co>", text); // encoded, shown as typed
        Assert.Contains(button, provider.Find("[data-testid=impersonation-confirm]").TextContent);
        Assert.Contains(error, text);
        if (culture == "zh-CN") Assert.DoesNotContain("You will see", text);
    }

    [Theory]
    [InlineData("zh-CN", "时间", "(UTC+8)", "没有符合条件的审计事件。")]
    [InlineData("en-US", "Time", "(UTC+8)", "No audit events match.")]
    public void AuditTable_HeadersInTheCulture_TimesInTheBillingZone(string culture, string header, string zone, string empty)
    {
        UseCulture(culture);
        var e = AuditEvent.Create(Now, "u1", "support@example.com", Guid.NewGuid(), "page.view", "/bills", null, "127.0.0.1", null);

        var cut = Render<AuditTable>(p => p.Add(x => x.Events, [e]));
        var none = Render<AuditTable>(p => p.Add(x => x.Events, []));

        Assert.Contains(header, cut.Find("thead").TextContent);
        Assert.Contains("2026-11-27 10:00:00 " + zone, cut.Find("tbody").TextContent);
        Assert.Contains(empty, none.Markup);
    }

    [Theory]
    [InlineData("zh-CN", "5 小时 12 分钟", "已欠费", "In arrears")]
    [InlineData("en-US", "5 h 12 min", "In arrears", "已欠费")]
    public void ArrearsBanner_ReadsInTheCultureOnly(string culture, string left, string expected, string absent)
    {
        UseCulture(culture);
        var summary = new AccountSummary(Guid.NewGuid(), "Acme", AccountStatus.Arrears, Money.Yuan(-4m), Now.AddDays(-1),
            Now.AddHours(5).AddMinutes(12), "BCXYZ");

        var cut = Render<ArrearsBanner>(p => p.Add(x => x.Summary, summary).Add(x => x.NowUtc, Now)
            .Add(x => x.Calendar, BillingCalendar.Shanghai));

        var text = cut.Find("[data-testid=arrears-banner]").TextContent;
        Assert.Contains(left, text);
        Assert.Contains(expected, text);
        Assert.DoesNotContain(absent, text);
    }

    [Theory]
    [InlineData("zh-CN", "密码至少需要 8 个字符。", "邮箱“a@example.com”已被占用。")]
    [InlineData("en-US", "Passwords must be at least 8 characters.", "Email 'a@example.com' is already taken.")]
    public void IdentityErrors_ReadInTheCulture_WithIdentitysCodes(string culture, string tooShort, string taken)
    {
        UseCulture(culture);
        var describer = new LocalizedIdentityErrorDescriber(L);

        Assert.Equal(tooShort, describer.PasswordTooShort(8).Description);
        Assert.Equal(taken, describer.DuplicateEmail("a@example.com").Description);
        Assert.Equal("DuplicateEmail", describer.DuplicateEmail("a@example.com").Code);
    }

    // Set inside the test method: the culture flows with the async context the renderer runs in.
    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }
}
