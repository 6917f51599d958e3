using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// On PostgreSQL (READ COMMITTED) two nodes could both pass a bill check and race to the ledger key; locking the
/// accounts' rows serialises settlements of one account, so the second one sees the first one's bill and stops
/// before doing any work (SPEC B4, J2). One statement, in id order, so two chunks (or a chunk and a single settlement
/// or recharge) never wait on each other in a cycle. SQLite's BEGIN IMMEDIATE already serialises writers.
/// </summary>
internal static class AccountRowLocks
{
    public static async Task LockAsync(BillingDbContext db, Guid[] accountIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM \"Accounts\" WHERE \"Id\" = ANY({accountIds}) ORDER BY \"Id\" FOR UPDATE", ct);
    }
}
