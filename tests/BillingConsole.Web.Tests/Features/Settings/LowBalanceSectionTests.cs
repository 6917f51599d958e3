using System.Security.Claims;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.Settings;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Features.Metering;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Features.Settings;

/// <summary>Issue 15 item 6: the low-balance amount as a Chinese IME or a spreadsheet types it.</summary>
public sealed class LowBalanceSectionTests : BillingTestContext
{
    [Theory]
    [InlineData("１，０００", 1000)]
    [InlineData(" 1,000.50 ", 1000.50)]
    [InlineData("　２０　", 20)]
    public async Task A6_Issue15_6_TypedAmount_IsNormalizedBeforeValidation(string typed, decimal expected)
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);
        auth.SetClaims(new Claim(BillingClaims.AccountId, bed.AccountId.ToString()), new Claim(ClaimTypes.NameIdentifier, "user-1"));
        var settings = new LowBalanceSettingsHandler(bed.Database, bed.Clock);
        Services.AddSingleton(settings);
        Services.AddScoped<CurrentAccount>();
        var cut = Render<LowBalanceSection>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=low-balance-enabled]"));

        await cut.InvokeAsync(() => cut.Find("input[data-testid=low-balance-enabled], [data-testid=low-balance-enabled] input").Change(true));
        cut.Find("input[data-testid=low-balance-amount], [data-testid=low-balance-amount] input").Change(typed);
        await cut.Find("button[data-testid=low-balance-save]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var saved = await settings.GetAsync(bed.AccountId, default);
        Assert.Equal((true, Money.Yuan(expected)), (saved.Enabled, saved.Threshold));
        Assert.Empty(cut.FindAll(".mud-input-error"));
    }
}
