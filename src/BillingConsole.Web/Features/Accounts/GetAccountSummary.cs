using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Accounts;

/// <summary>What the app bar and the overview show about an account.</summary>
public sealed record AccountSummary(Guid AccountId, string Name, AccountStatus Status, Money Balance,
    DateTime? ArrearsSinceUtc, DateTime? GraceEndsAtUtc, string RemittanceCode);

public sealed class GetAccountSummaryHandler(IDbContextFactory<BillingDbContext> dbFactory, IOptions<BillingOptions> options)
{
    public async Task<AccountSummary?> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        return account is null
            ? null
            : new AccountSummary(account.Id, account.Name, account.Status, account.Balance, account.ArrearsSinceUtc,
                account.GraceEndsAtUtc(options.Value.ArrearsGracePeriod), account.RemittanceCode);
    }
}
