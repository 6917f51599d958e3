using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// Runs a unit of work again when another writer won a race on a concurrency token or a unique key (the ledger's
/// (account, sequence) key, for example). Each attempt must open its own context and re-read what it decides on.
/// Exactly-once still comes from the unique keys: a retry that finds its idempotency key taken does nothing.
/// </summary>
public static class ConcurrencyRetry
{
    public static async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct,
        int attempts = 8)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 * attempt)), ct);
            }
        }
    }
}
