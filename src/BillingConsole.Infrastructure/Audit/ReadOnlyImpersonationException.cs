namespace BillingConsole.Infrastructure.Audit;

/// <summary>A write attempted while a support user impersonates an account (SPEC I3). The message is for the user.</summary>
public sealed class ReadOnlyImpersonationException(string? what = null) : InvalidOperationException(MessageFor(what))
{
    public const string Prefix = "Support is viewing this account read-only";

    public static string MessageFor(string? what) =>
        $"{Prefix}: {(string.IsNullOrWhiteSpace(what) ? "changes" : what)} refused. End impersonation to act as yourself.";
}
