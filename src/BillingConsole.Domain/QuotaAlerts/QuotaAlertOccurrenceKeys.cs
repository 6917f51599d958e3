using System.Globalization;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// Once-only keys for alerts (SPEC A4, A6, J2). The database enforces once-only with a unique index on the key, so a
/// job that runs twice or on two nodes cannot send the same alert twice. Formats (account id in lowercase "D" form):
/// <list type="bullet">
/// <item><c>{accountId}:{packType}:ratio:{yyyy-MM}</c> and <c>…:exhausted:{yyyy-MM}</c> for monthly-cycle types,
/// month in the billing time zone;</item>
/// <item><c>{accountId}:{packType}:ratio:arm{epoch}:gen{generation}</c> and <c>…:exhausted:arm…</c> for non-cyclic
/// types;</item>
/// <item><c>{accountId}:lowbalance:arm{armCount}</c> for the low-balance alert.</item>
/// </list>
/// Keys stay under 128 characters while pack type codes stay under 48.
/// </summary>
public static class QuotaAlertOccurrenceKeys
{
    /// <summary>Prefix shared by every alert key of an account (to load its history).</summary>
    public static string AccountPrefix(Guid accountId) => accountId.ToString("D") + ":";

    /// <summary>A monthly type's threshold for one month; a ratio changed <paramref name="generation"/> times in the
    /// settings gets its own key (A4: re-armed once at its new value). Generation 0 keeps the original key.</summary>
    public static string Monthly(Guid accountId, string packTypeCode, QuotaAlertKind kind, DateOnly month,
        int generation = 0) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{AccountPrefix(accountId)}{packTypeCode}:{Token(kind)}:{month:yyyy-MM}{(generation == 0 ? "" : $":gen{generation}")}");

    public static string NonCyclic(Guid accountId, string packTypeCode, QuotaAlertKind kind, long armEpoch,
        int generation) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{AccountPrefix(accountId)}{packTypeCode}:{Token(kind)}:arm{armEpoch}:gen{generation}");

    public static string LowBalance(Guid accountId, long armCount) =>
        string.Create(CultureInfo.InvariantCulture, $"{AccountPrefix(accountId)}lowbalance:arm{armCount}");

    private static string Token(QuotaAlertKind kind) => kind switch
    {
        QuotaAlertKind.Ratio => "ratio",
        QuotaAlertKind.Exhausted => "exhausted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
