using System.Threading.Channels;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// Nonce claims on SQLite, committed in groups: one writer takes every claim waiting (up to 256) and inserts them in one
/// transaction with <c>ON CONFLICT DO NOTHING</c>; a row inserted is a nonce claimed, a row not inserted one already used
/// (also a duplicate within the group). SQLite has one writer at a time and a commit costs a sync of the log, so one
/// commit per call would cap signed calls at the disk's sync rate (docs/benchmarks.md); PostgreSQL inserts directly.
/// </summary>
public sealed class SqliteNonceBatcher : IDisposable
{
    private const int MaxGroup = 256;

    private readonly IDbContextFactory<BillingDbContext> dbFactory;
    private readonly Channel<Claim> pending = Channel.CreateUnbounded<Claim>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();

    public SqliteNonceBatcher(IDbContextFactory<BillingDbContext> dbFactory)
    {
        this.dbFactory = dbFactory;
        _ = Task.Run(() => WriteLoopAsync(stopping.Token));
    }

    public Task<bool> ClaimAsync(string accessKeyId, string nonce, DateTime expiresAtUtc)
    {
        var claim = new Claim(accessKeyId, nonce, expiresAtUtc, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!pending.Writer.TryWrite(claim)) claim.Done.SetException(new ObjectDisposedException(nameof(SqliteNonceBatcher)));
        return claim.Done.Task;
    }

    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var group = new List<Claim>(MaxGroup);
        try
        {
            while (await pending.Reader.WaitToReadAsync(ct))
            {
                group.Clear();
                while (group.Count < MaxGroup && pending.Reader.TryRead(out var claim)) group.Add(claim);
                try
                {
                    var claimed = await InsertAsync(group, ct);
                    for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(claimed[i]);
                }
                catch (Exception e)
                {
                    foreach (var claim in group) claim.Done.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<bool[]> InsertAsync(List<Claim> group, CancellationToken ct)
    {
        var claimed = new bool[group.Count];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < group.Count; i++)
        {
            var (id, nonce, expires, _) = group[i];
            claimed[i] = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AccessKeyNonces\" (\"AccessKeyId\", \"Nonce\", \"ExpiresAtUtc\") VALUES ({id}, {nonce}, {expires}) ON CONFLICT DO NOTHING",
                ct) == 1;
        }
        await tx.CommitAsync(ct);
        return claimed;
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        stopping.Cancel();
        stopping.Dispose();
    }

    private sealed record Claim(string AccessKeyId, string Nonce, DateTime ExpiresAtUtc, TaskCompletionSource<bool> Done);
}
