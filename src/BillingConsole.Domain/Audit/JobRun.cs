namespace BillingConsole.Domain.Audit;

/// <summary>One run of a recurring job (SPEC I4 "job runs"): when, who started it, and what it did or why it failed.</summary>
public sealed class JobRun
{
    private JobRun()
    {
        Job = string.Empty;
        TriggeredBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Job { get; private set; }
    /// <summary><c>schedule</c> for Hangfire, else the user or API that asked.</summary>
    public string TriggeredBy { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public bool? Succeeded { get; private set; }
    public string? Summary { get; private set; }
    public string? Error { get; private set; }

    public static JobRun Start(string job, string triggeredBy, DateTime nowUtc) =>
        new() { Id = Guid.NewGuid(), Job = job, TriggeredBy = triggeredBy, StartedAtUtc = nowUtc };

    public void Finish(DateTime nowUtc, string summary)
    {
        FinishedAtUtc = nowUtc;
        Succeeded = true;
        Summary = Clip(summary);
    }

    public void Fail(DateTime nowUtc, string error)
    {
        FinishedAtUtc = nowUtc;
        Succeeded = false;
        Error = Clip(error);
    }

    private static string Clip(string text) => text.Length > 2000 ? text[..2000] : text;
}
