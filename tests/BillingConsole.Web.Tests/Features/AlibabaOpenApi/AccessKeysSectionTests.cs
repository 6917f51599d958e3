using System.Security.Claims;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.AlibabaOpenApi;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Features.Metering;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Features.AlibabaOpenApi;

/// <summary>Settings › AccessKey (issue #18): create with a name, the secret once, disable, delete, last used.</summary>
public sealed class AccessKeysSectionTests : BillingTestContext
{
    private async Task<(MeteringTestBed Bed, AccessKeysHandler Keys)> ArrangeAsync()
    {
        var bed = await MeteringTestBed.CreateAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);
        auth.SetClaims(new Claim(BillingClaims.AccountId, bed.AccountId.ToString()), new Claim(ClaimTypes.NameIdentifier, "user-1"));
        var keys = new AccessKeysHandler(bed.Database, bed.Clock, new AccessKeySecrets(new EphemeralDataProtectionProvider()),
            new AuditLog(bed.Database, bed.Clock));
        Services.AddSingleton(keys);
        Services.AddScoped<CurrentAccount>();
        return (bed, keys);
    }

    [Fact]
    public async Task None_ShowsEmptyState()
    {
        var (bed, _) = await ArrangeAsync();
        await using var _bed = bed;

        var cut = Render<AccessKeysSection>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=access-keys-empty]")));
    }

    [Fact]
    public async Task Create_ShowsIdAndSecretOnce_ThenListsOnlyTheId()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        var providers = RenderProviders();
        var cut = Render<AccessKeysSection>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=access-keys-empty]"));

        cut.Find("#access-key-name").Input("Finance script");
        await cut.InvokeAsync(() => cut.Find("button[data-testid=access-key-create]").Click());

        providers.WaitForAssertion(() => Assert.NotNull(providers.Find("#access-key-secret")));
        var secret = providers.Find("#access-key-secret").GetAttribute("value")!;
        var id = providers.Find("#access-key-id").GetAttribute("value")!;
        Assert.Equal(30, secret.Length);
        Assert.StartsWith("BCAK", id);
        Assert.Contains("will not be shown again", providers.Markup);
        Assert.NotEmpty(providers.FindAll("button[data-testid=access-key-copy]"));
        await providers.InvokeAsync(() => providers.Find("button[data-testid=access-key-done]").Click());
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#access-key-secret")));
        cut.WaitForAssertion(() => Assert.Contains("Finance script", cut.Find("[data-testid=access-keys-table]").TextContent));
        Assert.Contains(id, cut.Markup);
        Assert.DoesNotContain(secret, cut.Markup + providers.Markup);
        Assert.Contains("Never", cut.Find("[data-testid=access-key-last-used]").TextContent);
        var stored = Assert.Single(await keys.ListAsync(bed.AccountId, default));
        Assert.Equal(("Finance script", id), (stored.Name, stored.AccessKeyId));
        await using var db = bed.Database.CreateDbContext();
        Assert.DoesNotContain(secret, (await db.AccessKeys.SingleAsync()).ProtectedSecret);
    }

    [Fact]
    public async Task Disable_ThenEnable_ChangesTheStatus()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "Ops", null), default);
        var cut = Render<AccessKeysSection>();
        cut.WaitForAssertion(() => cut.Find("button[data-testid=access-key-disable]"));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=access-key-disable]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Disabled", cut.Find("[data-testid=access-keys-table]").TextContent));
        Assert.NotNull((await keys.ListAsync(bed.AccountId, default)).Single().DisabledAtUtc);

        await cut.InvokeAsync(() => cut.Find("button[data-testid=access-key-enable]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Enabled", cut.Find("[data-testid=access-keys-table]").TextContent));
        Assert.Null((await keys.ListAsync(bed.AccountId, default)).Single().DisabledAtUtc);
    }

    [Fact]
    public async Task Delete_AsksForConfirmationThenDeletes()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "Old", null), default);
        var providers = RenderProviders();
        var cut = Render<AccessKeysSection>();
        cut.WaitForAssertion(() => cut.Find("button[data-testid=access-key-delete]"));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=access-key-delete]").Click());
        providers.WaitForAssertion(() => Assert.Contains("cannot be undone", providers.Markup));
        Assert.Single(await keys.ListAsync(bed.AccountId, default));
        var confirm = providers.FindAll("button").Last(b => b.TextContent.Contains("Delete"));
        await providers.InvokeAsync(() => confirm.Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=access-keys-empty]")));
        Assert.Empty(await keys.ListAsync(bed.AccountId, default));
    }

    [Fact]
    public async Task LastUsed_IsShown()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        var created = (await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "Used", null), default)).Value!;
        await using (var db = bed.Database.CreateDbContext())
        {
            await db.AccessKeys.Where(k => k.AccessKeyId == created.AccessKeyId)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc)));
        }

        var cut = Render<AccessKeysSection>();

        cut.WaitForAssertion(() => Assert.Contains("2026-11-27 10:00", cut.Find("[data-testid=access-key-last-used]").TextContent));
    }

    [Fact]
    public async Task I3_Impersonating_CanNeitherCreateNorChange()
    {
        var (bed, keys) = await ArrangeAsync();
        await using var _bed = bed;
        await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "Owner's", null), default);
        var support = new BillingActor("support-1", "support@example.com", null, Guid.NewGuid(), bed.AccountId, null, null);
        using var _ = ActorContext.Use(support);

        var cut = Render<AccessKeysSection>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=access-keys-read-only]")));
        Assert.Empty(cut.FindAll("[data-testid=access-key-create]"));
        Assert.Empty(cut.FindAll("[data-testid=access-key-delete]"));
        Assert.Empty(cut.FindAll("[data-testid=access-key-disable]"));
        Assert.Contains("Owner's", cut.Markup);
        var refused = await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "Sneaky", null), default);
        Assert.Equal(BillingConsole.Domain.Common.ResultStatus.Forbidden, refused.Status);
        Assert.Single(await keys.ListAsync(bed.AccountId, default));
    }
}
