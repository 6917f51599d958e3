namespace BillingConsole.Domain.Settlement;

/// <summary>
/// One run of the daily billing job, for the staff job-runs page. A run that never finishes (the process was
/// killed) keeps a null <see cref="FinishedAtUtc"/>; the next run completes its work from the unique keys.
/// </summary>
public sealed class SettlementRun
{
    private SettlementRun()
    {
    }

    public Guid Id { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    /// <summary>The newest ended billing day when the run started.</summary>
    public DateOnly UpToDay { get; private set; }
    public int BillsIssued { get; private set; }
    public int Skipped { get; private set; }
    public int Failed { get; private set; }
    public string? Summary { get; private set; }

    public static SettlementRun Start(DateTime nowUtc, DateOnly upToDay) =>
        new() { Id = Guid.NewGuid(), StartedAtUtc = nowUtc, UpToDay = upToDay };

    public void Finish(DateTime nowUtc, int issued, int skipped, int failed, string summary)
    {
        FinishedAtUtc = nowUtc;
        BillsIssued = issued;
        Skipped = skipped;
        Failed = failed;
        Summary = summary;
    }
}
