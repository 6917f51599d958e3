using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using BillingConsole.Infrastructure.Identity;

namespace BillingConsole.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(Local(uri));
    }

    /// <summary>
    /// Prevents open redirects (issue #16): an absolute URI of this site becomes its base-relative path; a rooted local
    /// path or a base-relative one is kept; anything else (another host, "//host", "/\host", "javascript:") is ignored
    /// and the user lands on the start page. The template's ToBaseRelativePath threw for those: a 500 after sign-in.
    /// </summary>
    internal string Local(string? uri)
    {
        uri ??= "";
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && !uri.StartsWith('/'))
        {
            return absolute.Scheme is "http" or "https"
                   && uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase)
                   && !uri.Any(char.IsControl)
                ? navigationManager.ToBaseRelativePath(uri)
                : "";
        }
        return BillingConsole.Web.Security.LocalUrl.IsLocalPath(uri) || BillingConsole.Web.Security.LocalUrl.IsBaseRelativePath(uri)
            ? uri : "";
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
