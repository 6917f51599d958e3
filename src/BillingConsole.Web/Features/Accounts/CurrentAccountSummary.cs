namespace BillingConsole.Web.Features.Accounts;

/// <summary>The summary of the account the signed-in person looks at, or null (staff, signed out).</summary>
public sealed class CurrentAccountSummary(CurrentAccount current, GetAccountSummaryHandler handler)
{
    public async Task<AccountSummary?> GetAsync(CancellationToken ct = default) =>
        await current.GetAccountIdAsync() is { } id ? await handler.HandleAsync(id, ct) : null;
}
