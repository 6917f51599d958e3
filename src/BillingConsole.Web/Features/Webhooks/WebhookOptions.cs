using System.Globalization;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (SPEC "Configuration keys").</summary>
public sealed class WebhookOptions
{
    public const string DefaultSchedule = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,10:00:00";

    /// <summary>Allow URLs on loopback and private networks: on in Development (and so in tests) only.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Pauses between attempts, comma-separated <c>hh:mm:ss</c> (as Svix: 5 s … 10 h, 27.6 hours in all).</summary>
    public string RetrySchedule { get; set; } = DefaultSchedule;

    /// <summary>The attempt's timeout (API.md: 10 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a response body the log keeps (and reads).</summary>
    public int ResponseExcerptBytes { get; set; } = 2048;

    public IReadOnlyList<TimeSpan> Pauses() => RetrySchedule
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => TimeSpan.Parse(p, CultureInfo.InvariantCulture))
        .ToList();

    /// <summary>The pause after failed attempt <paramref name="attempt"/> (1-based), or null when it was the last.</summary>
    public TimeSpan? PauseAfter(int attempt)
    {
        var pauses = Pauses();
        return attempt >= 1 && attempt <= pauses.Count ? pauses[attempt - 1] : null;
    }
}
