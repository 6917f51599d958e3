using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BillingConsole.Web.Security;

/// <summary>Authorization policies of the console (SPEC I1, I4).</summary>
public static class Policies
{
    /// <summary>Someone who looks at one account: its owner, or a staff user impersonating it (SPEC I3).</summary>
    public const string AccountViewer = nameof(AccountViewer);
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(AccountViewer, p => p.RequireAuthenticatedUser()
            .AddRequirements(new BillingConsole.Web.Features.Support.AccountViewerRequirement()));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Support, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
    }
}
