using BillingConsole.Domain.OpenApi;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// The nonce store (section 3.1 step 10): a nonce is claimed by inserting (AccessKeyId, nonce) under the table's
/// primary key, so of two requests with one nonce, on one node or on two nodes sharing PostgreSQL, exactly one wins.
/// Rows live until their request's date leaves the window, then a node purges them (at most once a minute each).
/// On SQLite the inserts go through <see cref="SqliteNonceBatcher"/> (group commit).
/// </summary>
public sealed class SignatureNonces(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    SqliteNonceBatcher? sqlite = null)
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);
    private long nextPurgeTicks;

    /// <summary>True when the nonce was free and is now taken; false when it was used already.</summary>
    public async Task<bool> TryClaimAsync(string accessKeyId, string nonce, DateTime expiresAtUtc, CancellationToken ct)
    {
        await PurgeIfDueAsync(ct);
        if (sqlite is not null) return await sqlite.ClaimAsync(accessKeyId, nonce, expiresAtUtc).WaitAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AccessKeyNonces.Add(new AccessKeyNonce(accessKeyId, nonce, expiresAtUtc));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (await check.AccessKeyNonces.AnyAsync(n => n.AccessKeyId == accessKeyId && n.Nonce == nonce, ct)) return false;
            throw;
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = Interlocked.Read(ref nextPurgeTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref nextPurgeTicks, (now + PurgeEvery).Ticks, due) != due) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.AccessKeyNonces.Where(n => n.ExpiresAtUtc < now).ExecuteDeleteAsync(ct);
    }
}
