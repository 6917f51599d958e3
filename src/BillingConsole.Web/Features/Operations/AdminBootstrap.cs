using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// The first staff administrator of a production install (docs/deploy.md): with <c>Admin:Bootstrap:Email</c> and
/// <c>Admin:Bootstrap:Password</c> set, start-up creates that user with the Admin role when no user has it yet. Once an
/// administrator exists the settings do nothing (remove the password from the environment after the first start);
/// further staff are managed from there. The password is never logged.
/// </summary>
public static class AdminBootstrap
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Admin:Bootstrap:Email"];
        var password = configuration["Admin:Bootstrap:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Admin:Bootstrap: the administrator could not be created: " +
                                                string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        logger.LogWarning("Admin:Bootstrap: created the administrator {Email}; remove Admin:Bootstrap:Password from the settings", email);
    }
}
