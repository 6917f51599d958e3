namespace BillingConsole.Web.Security;

/// <summary>
/// Return URLs after sign-in and sign-out (issue #16): only a path on this site is followed; anything else (another
/// host, <c>//host</c>, <c>/\host</c>, a scheme such as <c>javascript:</c>, leading spaces, control characters) is
/// ignored and the user goes to the start page. Never an exception, never a redirect off the site.
/// </summary>
public static class LocalUrl
{
    /// <summary>A rooted local path: "/", "/x" but not "//x" or "/\x" (the rules of <c>IUrlHelper.IsLocalUrl</c>).</summary>
    public static bool IsLocalPath(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.Any(char.IsControl)) return false;
        return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
    }

    /// <summary>A base-relative path as the layout hands it on ("bills?month=2026-11"): no scheme, no host, no "\".</summary>
    public static bool IsBaseRelativePath(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl) || char.IsWhiteSpace(url[0]) || url[0] is '/' or '\\') return false;
        var path = url.Split('?', '#')[0];
        return !path.Contains(':') && !path.Contains('\\') && Uri.IsWellFormedUriString(url, UriKind.Relative);
    }

    /// <summary>The local path to go to for <paramref name="returnUrl"/> (rooted or base-relative), or "/".</summary>
    public static string OrRoot(string? returnUrl) =>
        IsLocalPath(returnUrl) ? returnUrl!
        : IsBaseRelativePath(returnUrl) ? "/" + returnUrl
        : "/";
}
