namespace BillingConsole.Domain.Invoicing;

/// <summary>
/// One row per account that has used invoicing: its <see cref="Version"/> is the concurrency token that every change
/// which can lower the invoiceable amount (a request, an unsubscribe refund) rewrites in its own transaction, after
/// reading the row first (SPEC V3, V5). Two such changes that computed from the same state cannot both commit, on
/// SQLite or PostgreSQL: the second one's UPDATE … WHERE Version = old matches no row and is retried.
/// </summary>
public sealed class InvoicingAccount
{
    private InvoicingAccount()
    {
    }

    public Guid AccountId { get; private set; }
    public Guid Version { get; private set; }
    /// <summary>The owner asked for the monthly statement by e-mail (V6).</summary>
    public bool StatementByEmail { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static InvoicingAccount Open(Guid accountId, DateTime nowUtc) =>
        new() { AccountId = accountId, Version = Guid.NewGuid(), UpdatedAtUtc = nowUtc };

    /// <summary>Claims the row for this unit of work: a racing writer's save fails on the token.</summary>
    public void Touch(DateTime nowUtc)
    {
        Version = Guid.NewGuid();
        UpdatedAtUtc = nowUtc;
    }

    public void SetStatementByEmail(bool value, DateTime nowUtc)
    {
        StatementByEmail = value;
        Touch(nowUtc);
    }
}
