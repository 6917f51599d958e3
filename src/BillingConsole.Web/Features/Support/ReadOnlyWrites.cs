using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Resources;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The one place where the console meets a write refused under impersonation (SPEC I3, issue 15): it tells whether
/// the viewer is read-only (write buttons are disabled with <see cref="Reason"/> as their tooltip), runs a write so
/// that a refusal (the interceptor's <see cref="ReadOnlyImpersonationException"/> or a handler's Forbidden result)
/// becomes the localized snackbar instead of a dead circuit, and writes every refused attempt to the audit log.
/// </summary>
/// <remarks>The audit log and the impersonation lookup are resolved when needed, so components that only render a
/// write button need no database.</remarks>
public sealed class ReadOnlyWrites(ISnackbar snackbar, IStringLocalizer<SharedResource> localizer,
    IServiceProvider services)
{
    /// <summary>The audit action of a refused write; its subject is what was attempted.</summary>
    public const string RefusedAction = "impersonation.write-refused";

    private bool? readOnly;

    /// <summary>The tooltip of a disabled write button.</summary>
    public string Reason => localizer[ReadOnlyText.Key];

    /// <summary>True while the signed-in staff user impersonates (looked up once per circuit or request).</summary>
    /// <param name="authState">The cascading authentication state of the asking component, if any.</param>
    public async Task<bool> IsReadOnlyAsync(Task<AuthenticationState>? authState)
    {
        if (ActorContext.Current is { IsImpersonating: true }) return true;
        if (readOnly is { } known) return known;
        if (authState is null) return false; // no user known: the server refusal stays the guard
        var user = (await authState).User;
        var staff = user.IsInRole("Support") || user.IsInRole("Admin");
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        readOnly = staff && await services.GetRequiredService<ImpersonationLookup>().GetActiveAsync(userId) is not null;
        return readOnly.Value;
    }

    /// <summary>Runs a write; a read-only refusal is shown and audited, and false is returned.</summary>
    public async Task<bool> RunAsync(string attempted, Func<Task> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception e) when (Find(e) is { } refused)
        {
            await RefusedAsync(attempted, refused.Message);
            return false;
        }
    }

    /// <summary>For handlers that answer a refusal as a result: true (shown and audited) when it is one.</summary>
    public async Task<bool> RefusedAsync<T>(Result<T> result, string attempted)
    {
        if (result.Status != ResultStatus.Forbidden || result.Error?.StartsWith(ReadOnlyImpersonationException.Prefix,
                StringComparison.Ordinal) != true) return false;
        await RefusedAsync(attempted, result.Error);
        return true;
    }

    /// <summary>Shows the refusal in the reader's language and records the attempt.</summary>
    public async Task RefusedAsync(string attempted, string detail)
    {
        snackbar.Add(ReadOnlyText.For(localizer, detail), Severity.Warning);
        try
        {
            await services.GetRequiredService<AuditLog>().WriteAsync(RefusedAction, attempted, detail);
        }
        catch (Exception e)
        {
            // The refusal stands whether or not its audit row could be written; the page must keep working.
            services.GetService<ILogger<ReadOnlyWrites>>()?.LogError(e, "ReadOnlyWrites: could not audit the refused attempt {Attempted}", attempted);
        }
    }

    public static ReadOnlyImpersonationException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ReadOnlyImpersonationException r) return r;
        }
        return null;
    }
}
