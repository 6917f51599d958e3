using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

public sealed record StaffAccountRow(Guid AccountId, string Name, string? OwnerEmail, AccountStatus Status, Money Balance,
    DateTime CreatedAtUtc);

/// <summary>Staff console search (SPEC I4): an account id, part of the name, or part of the owner's e-mail.</summary>
public sealed class SearchAccountsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public const int MaxRows = 50;

    public async Task<IReadOnlyList<StaffAccountRow>> HandleAsync(string? query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = query?.Trim() ?? "";
        var rows = from a in db.Accounts.AsNoTracking()
                   join u in db.Users.AsNoTracking() on (Guid?)a.Id equals u.AccountId into owners
                   from o in owners.DefaultIfEmpty()
                   select new { a, Email = o == null ? null : o.Email };
        if (Guid.TryParse(q, out var id))
        {
            rows = rows.Where(r => r.a.Id == id);
        }
        else if (q.Length > 0)
        {
            var pattern = "%" + q.Replace("%", "").Replace("_", "") + "%";
            rows = rows.Where(r => EF.Functions.Like(r.a.Name, pattern) || EF.Functions.Like(r.Email!, pattern));
        }
        var found = await rows.OrderBy(r => r.a.Name).Take(MaxRows).ToListAsync(ct);
        return found.Select(r => new StaffAccountRow(r.a.Id, r.a.Name, r.Email, r.a.Status, r.a.Balance, r.a.CreatedAtUtc))
            .ToList();
    }
}
