using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Audit;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The polite half of SPEC I3: handlers call this first to answer "refused" as a <see cref="Result{T}"/> with a clear
/// message. The SaveChanges interceptor is the backstop for handlers that forget.
/// </summary>
public static class ReadOnlyGuard
{
    public static bool IsImpersonating => ActorContext.Current is { IsImpersonating: true };

    /// <summary>A Forbidden result while impersonating, else null. <paramref name="what"/> names the change ("creating an API key").</summary>
    public static Result<T>? Refusal<T>(string what) =>
        IsImpersonating ? Result<T>.Forbidden(ReadOnlyImpersonationException.MessageFor(what)) : null;
}
