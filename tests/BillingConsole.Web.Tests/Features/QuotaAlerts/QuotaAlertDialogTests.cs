using AngleSharp.Dom;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class QuotaAlertDialogTests : BillingTestContext, IAsyncLifetime
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
        Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        provider = RenderProviders();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await world.DisposeAsync();
    }

    private async Task<IDialogReference> OpenAsync()
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<QuotaAlertDialog> { { d => d.AccountId, world.AccountId } };
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<QuotaAlertDialog>("设置额度预警", parameters));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=alert-row]")));
        return reference;
    }

    private IElement PercentInput(string packType) =>
        provider.Find($"tr[data-pack-type={packType}] input:not([type=checkbox])");

    private IElement BatchInput() => provider.Find(".mud-dialog input:not([type=checkbox])");

    [Fact]
    public async Task A1_ShowsOnlyHeldTypes_HourlyAsNotSupported_AndTheRules()
    {
        await OpenAsync();

        var rows = provider.FindAll("[data-testid=alert-row]");
        Assert.Equal(["IOT_CONNECTION", "RP_CALLS", "IOT_STORAGE"], rows.Select(r => r.GetAttribute("data-pack-type")));
        Assert.Contains("Not supported", provider.Find("tr[data-pack-type=IOT_STORAGE]").TextContent);
        Assert.Equal("30", PercentInput("RP_CALLS").GetAttribute("value"));
        Assert.Equal(5, provider.FindAll("[data-testid=alert-rules] li").Count);
        Assert.DoesNotContain("FV_CALLS", provider.Markup);
    }

    [Fact]
    public async Task A1_BatchField_SetsEveryRow()
    {
        await OpenAsync();

        BatchInput().Input("20");
        provider.Find("[data-testid=batch-apply]").Click();

        Assert.Equal("20", PercentInput("RP_CALLS").GetAttribute("value"));
        Assert.Equal("20", PercentInput("IOT_CONNECTION").GetAttribute("value"));
    }

    [Theory]
    [InlineData("0", "from 1 to 99")]
    [InlineData("100", "from 1 to 99")]
    [InlineData("", "Enter a percentage")]
    [InlineData("30.5", "whole number")]
    public async Task A1_BadPercentage_ShowsMessageNextToTheField_ConfirmSavesNothing(string text, string message)
    {
        await OpenAsync();

        PercentInput("RP_CALLS").Change(text);
        provider.Find("[data-testid=alert-confirm]").Click();

        var field = provider.Find("tr[data-pack-type=RP_CALLS]");
        Assert.Contains(message, field.QuerySelector(".mud-input-error")?.TextContent ?? "");
        Assert.NotEmpty(provider.FindAll("[data-testid=alert-row]"));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(0, await db.QuotaAlertSettings.CountAsync());
    }

    [Fact]
    public async Task A1_Cancel_LeavesSettingsUnchanged()
    {
        var dialog = await OpenAsync();

        PercentInput("RP_CALLS").Change("15");
        provider.Find("[data-testid=alert-cancel]").Click();

        Assert.True((await dialog.Result)!.Canceled);
        var rows = await world.Settings().HandleAsync(world.AccountId, default);
        Assert.All(rows.Where(r => r.Supported), r => Assert.Equal(30, r.ThresholdPercent));
    }

    [Fact]
    public async Task A1_Confirm_SavesEveryRow()
    {
        var dialog = await OpenAsync();

        BatchInput().Input("20");
        provider.Find("[data-testid=batch-apply]").Click();
        provider.FindAll("tr[data-pack-type=IOT_CONNECTION] input[type=checkbox]")[0].Change(false);
        provider.Find("[data-testid=alert-confirm]").Click();

        Assert.False((await dialog.Result)!.Canceled);
        var rows = await world.Settings().HandleAsync(world.AccountId, default);
        Assert.Equal((true, 20), rows.Where(r => r.PackType == "RP_CALLS").Select(r => (r.Enabled, r.ThresholdPercent)).Single());
        Assert.Equal((false, 20), rows.Where(r => r.PackType == "IOT_CONNECTION").Select(r => (r.Enabled, r.ThresholdPercent)).Single());
    }
}
