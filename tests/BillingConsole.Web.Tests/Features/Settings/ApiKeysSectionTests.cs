using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Settings;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Features.Metering;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Features.Settings;

public sealed class ApiKeysSectionTests : BillingTestContext
{
    private async Task<(MeteringTestBed Bed, ApiKeysHandler Keys)> ArrangeAsync()
    {
        var bed = await MeteringTestBed.CreateAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);
        auth.SetClaims(new Claim(BillingClaims.AccountId, bed.AccountId.ToString()), new Claim(ClaimTypes.NameIdentifier, "user-1"));
        var keys = new ApiKeysHandler(bed.Database, bed.Clock);
        Services.AddSingleton(keys);
        Services.AddScoped<CurrentAccount>();
        return (bed, keys);
    }

    [Fact]
    public async Task ApiKeys_None_ShowsEmptyState()
    {
        var (bed, _) = await ArrangeAsync();
        await using var _bed = bed;

        var cut = Render<ApiKeysSection>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=api-keys-empty]")));
    }

    [Fact]
    public async Task I5_CreateKey_ShowsTheSecretOnceAndListsOnlyThePrefix()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        var providers = RenderProviders();
        var cut = Render<ApiKeysSection>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=api-keys-empty]"));

        cut.Find("#api-key-name").Input("Production");
        await cut.InvokeAsync(() => cut.Find("button[data-testid=api-key-create]").Click());

        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#api-key-secret")));
        var secret = providers.Find("#api-key-secret").GetAttribute("value")!;
        Assert.StartsWith("bck_", secret);
        Assert.Contains("will not be shown again", providers.Markup);
        await providers.InvokeAsync(() => providers.Find("button[data-testid=api-key-done]").Click());
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#api-key-secret")));
        cut.WaitForAssertion(() => Assert.Contains("Production", cut.Find("[data-testid=api-keys-table]").TextContent));
        Assert.DoesNotContain(secret, cut.Markup + providers.Markup);
        var stored = Assert.Single(await keys.ListAsync(bed.AccountId, default));
        Assert.Equal("Production", stored.Name);
    }

    [Fact]
    public async Task I5_RevokeKey_AsksForConfirmationThenRevokes()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        await keys.CreateAsync(new CreateApiKeyCommand(bed.AccountId, "Old", null), default);
        var providers = RenderProviders();
        var cut = Render<ApiKeysSection>();
        cut.WaitForAssertion(() => cut.Find("button[data-testid=api-key-revoke]"));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=api-key-revoke]").Click());
        providers.WaitForAssertion(() => Assert.Contains("cannot be undone", providers.Markup));
        Assert.Null((await keys.ListAsync(bed.AccountId, default)).Single().RevokedAtUtc);
        var confirm = providers.FindAll("button").First(b => b.TextContent.Contains("Revoke"));
        await providers.InvokeAsync(() => confirm.Click());

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("[data-testid=api-keys-table]").TextContent));
        Assert.NotNull((await keys.ListAsync(bed.AccountId, default)).Single().RevokedAtUtc);
    }

    [Fact]
    public async Task CreateKey_NameTooLong_ShowsErrorNextToFieldAndCreatesNothing()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        RenderProviders();
        var cut = Render<ApiKeysSection>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=api-keys-empty]"));

        cut.Find("#api-key-name").Input(new string('n', 101));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=api-key-create]").Click());

        cut.WaitForAssertion(() => Assert.Contains("at most 100 characters", cut.Markup));
        Assert.Empty(await keys.ListAsync(bed.AccountId, default));
    }
}
