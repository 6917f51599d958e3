using System.Reflection;
using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillingConsole.Integration.Tests.Support;

/// <summary>Circuits of a locked-out or demoted user lose their authentication at the next revalidation (every minute).</summary>
[Collection(HostCollection.Name)]
public sealed class RevalidationTests(RevalidationTests.App app) : IClassFixture<RevalidationTests.App>
{
    public sealed class App : BillingAppFactory;

    [Theory]
    [InlineData("lock")]
    [InlineData("demote")]
    public async Task LockedOrDemotedUser_FailsRevalidation(string change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var email = $"staff-{change}-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, "Staff#2026pw")).Succeeded);
        await users.AddToRoleAsync(user, Roles.Support);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        Assert.True(await ValidateAsync(principal));

        if (change == "lock") await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        else await users.RemoveFromRoleAsync(user, Roles.Support);

        Assert.False(await ValidateAsync(principal));
    }

    private async Task<bool> ValidateAsync(ClaimsPrincipal principal)
    {
        var provider = new IdentityRevalidatingAuthenticationStateProvider(app.Services.GetRequiredService<ILoggerFactory>(),
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IOptions<IdentityOptions>>());
        var method = typeof(IdentityRevalidatingAuthenticationStateProvider)
            .GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return await (Task<bool>)method.Invoke(provider, [new AuthenticationState(principal), CancellationToken.None])!;
    }
}
