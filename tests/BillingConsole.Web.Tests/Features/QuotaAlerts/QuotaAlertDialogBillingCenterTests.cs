using System.Globalization;
using AngleSharp.Dom;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

/// <summary>Issue 15: the dialog as in the billing center (item 9), its accessible names (7), typed numbers (6) and a
/// write refused under impersonation (1).</summary>
public sealed class QuotaAlertDialogBillingCenterTests : BillingTestContext, IAsyncLifetime
{
    private AlertWorld world = null!;
    private IRenderedComponent<MudDialogProvider> provider = null!;

    public async ValueTask InitializeAsync()
    {
        world = await AlertWorld.CreateAsync();
        await world.BuyAsync(AlertWorld.Rp, 1000);
        await world.BuyAsync(AlertWorld.Iot, 1000);
        await world.BuyAsync(AlertWorld.Storage, 10);
        Services.AddSingleton<IDbContextFactory<BillingDbContext>>(world.Database);
        Services.AddSingleton<BillingCalendar>(world.Calendar);
        Services.AddSingleton(world.Evaluate());
        Services.AddSingleton(world.Settings());
        Services.AddSingleton(world.Save());
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<ImpersonationLookup>();
        Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await world.DisposeAsync();
    }

    private async Task<IDialogReference> OpenAsync()
    {
        provider ??= RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<QuotaAlertDialog> { { d => d.AccountId, world.AccountId } };
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<QuotaAlertDialog>("设置额度预警", parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=alert-row]")));
        return reference;
    }

    private IElement Row(string packType) => provider.Find($"tr[data-pack-type={packType}]");
    private IElement Percent(string packType) => Row(packType).QuerySelector("input:not([type=checkbox])")!;
    private IElement Enabled(string packType) => Row(packType).QuerySelector("input[type=checkbox]")!;
    private IElement Batch() => provider.Find("[data-testid=batch-percent] input, input[data-testid=batch-percent]");
    /// <summary>The accessible name given by aria-label or aria-labelledby.</summary>
    private string NameOf(IElement e) =>
        e.GetAttribute("aria-label") ?? provider.Find("#" + e.GetAttribute("aria-labelledby")).TextContent;

    private IElement Master() => provider.Find("[data-testid=master-switch] input[type=checkbox], input[data-testid=master-switch]");

    [Fact]
    public async Task Issue15_9_RulesColumnsAndCycleLabels_AsInTheBillingCenter_InChinese()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        try
        {
            await OpenAsync();

            var rules = provider.FindAll("[data-testid=alert-rules] li").Select(li => li.TextContent).ToList();
            Assert.Equal(5, rules.Count);
            Assert.Contains("抵扣", rules[0]);
            Assert.Contains("包月周期型", rules[1]);
            Assert.Contains("非周期型加油包", rules[2]);
            Assert.Contains("新购、升级、续费", rules[3]);
            Assert.Contains("小时周期型", rules[4]);
            Assert.Equal(["资源包类型", "额度预警", "剩余额比例"], provider.FindAll(".mud-dialog th").Select(th => th.TextContent.Trim()));
            Assert.Contains("额度预警", Master().Closest("label")!.TextContent);
            Assert.Contains("批量设置剩余额度比例", provider.Find(".mud-dialog").TextContent);
            Assert.Equal("包月周期型", Row("IOT_CONNECTION").QuerySelector("[data-testid=row-cycle]")!.TextContent);
            Assert.Equal("非周期型", Row("RP_CALLS").QuerySelector("[data-testid=row-cycle]")!.TextContent);
            Assert.Equal("小时周期型", Row("IOT_STORAGE").QuerySelector("[data-testid=row-cycle]")!.TextContent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Issue15_9_MasterSwitch_TurnsAllRowsOffAndOn()
    {
        await OpenAsync();

        Master().Change(false);
        Assert.False(Enabled("RP_CALLS").IsChecked());
        Assert.False(Enabled("IOT_CONNECTION").IsChecked());

        Master().Change(true);
        Assert.True(Enabled("RP_CALLS").IsChecked());
        Assert.True(Enabled("IOT_CONNECTION").IsChecked());
    }

    [Fact]
    public async Task Issue15_9_BatchValue_GoesToEveryRowAsTyped_AndTurnsEveryRowOn_ThenConfirmSavesIt()
    {
        var dialog = await OpenAsync();
        Master().Change(false);

        Batch().Input("15");

        Assert.Equal("15", Percent("RP_CALLS").GetAttribute("value"));
        Assert.Equal("15", Percent("IOT_CONNECTION").GetAttribute("value"));
        Assert.True(Enabled("RP_CALLS").IsChecked());
        Assert.True(Enabled("IOT_CONNECTION").IsChecked());
        provider.Find("[data-testid=alert-confirm]").Click();
        Assert.False((await dialog.Result)!.Canceled);
        var rows = await world.Settings().HandleAsync(world.AccountId, default);
        Assert.All(rows.Where(r => r.Supported), r => Assert.Equal((true, 15), (r.Enabled, r.ThresholdPercent)));
    }

    [Theory]
    [InlineData("２０")]
    [InlineData(" 20 ")]
    [InlineData("　２０　")]
    public async Task Issue15_6_FullWidthOrSpacedPercent_IsSavedAsANumber(string typed)
    {
        var dialog = await OpenAsync();

        Percent("RP_CALLS").Change(typed);
        provider.Find("[data-testid=alert-confirm]").Click();

        Assert.False((await dialog.Result)!.Canceled);
        var rows = await world.Settings().HandleAsync(world.AccountId, default);
        Assert.Equal(20, rows.Single(r => r.PackType == "RP_CALLS").ThresholdPercent);
    }

    [Fact]
    public async Task Issue15_7_CheckboxesPercentFieldsAndClose_HaveAccessibleNames_AndCloseIsTabbable()
    {
        await OpenAsync();

        Assert.Contains("Real-person verification pack", NameOf(Enabled("RP_CALLS")));
        Assert.Contains("Connection minutes pack", NameOf(Enabled("IOT_CONNECTION")));
        Assert.Contains("Quota alert", NameOf(Master()));
        Assert.False(string.IsNullOrWhiteSpace(Percent("RP_CALLS").GetAttribute("aria-label")));
        Assert.NotEqual(Percent("RP_CALLS").GetAttribute("aria-label"), Percent("IOT_CONNECTION").GetAttribute("aria-label"));
        var close = provider.Find("[data-testid=alert-close]");
        Assert.Equal("Close", close.GetAttribute("aria-label"));
        Assert.NotEqual("-1", close.GetAttribute("tabindex"));
        Assert.Empty(provider.FindAll(".mud-dialog-title button[tabindex='-1']"));
    }

    [Fact]
    public async Task I3_Issue15_1_ConfirmRefusedWhileImpersonating_ShowsTheRefusal_KeepsTheDialog_AndAudits()
    {
        var dialog = await OpenAsync();
        Percent("RP_CALLS").Change("25");

        using (ActorContext.Use(new BillingActor("support-1", "support@example.com", null, Guid.NewGuid(), world.AccountId, null, null)))
        {
            provider.Find("[data-testid=alert-confirm]").Click();
        }

        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal("25", Percent("RP_CALLS").GetAttribute("value"));
        var shown = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Contains("read-only", shown.Message);
        await using var db = world.Database.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((ReadOnlyWrites.RefusedAction, "saving quota alert settings"), (audit.Action, audit.Subject));
        Assert.Equal(world.AccountId, audit.ActingForAccountId);
        Assert.Equal(0, await db.QuotaAlertSettings.CountAsync(s => s.ThresholdPercent == 25));
    }

    [Fact]
    public async Task I3_Issue15_1_WhileImpersonating_ConfirmIsDisabled_WithTheReason()
    {
        using var _ = ActorContext.Use(new BillingActor("support-1", "support@example.com", null, Guid.NewGuid(), world.AccountId, null, null));

        await OpenAsync();

        var confirm = provider.Find("[data-testid=alert-confirm]");
        Assert.True(confirm.HasAttribute("disabled"));
        Assert.Equal("true", confirm.GetAttribute("data-read-only"));
        Assert.Contains("read-only", provider.Find("[data-testid=read-only-reason]").GetAttribute("aria-label"));
    }
}
