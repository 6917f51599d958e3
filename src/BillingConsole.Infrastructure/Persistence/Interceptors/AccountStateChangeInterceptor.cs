using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BillingConsole.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BillingConsole.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Advances <see cref="AccountStateVersion"/> once a change that an API answer depends on is committed: an account's
/// status or arrears time (suspension, arrears, a restoring credit), or an API key being revoked or deleted. It sees
/// every write made through a context of this process, whoever makes it: tracked changes in <c>SaveChanges</c>, and
/// <c>ExecuteUpdate/ExecuteDelete</c> or raw SQL that updates or deletes rows of those tables. The advance happens
/// after the commit (at the transaction's commit, or at once when the write ran outside a transaction, and at the
/// latest when the context closes its connection), never before: a reader that ran between a pre-commit advance and
/// the commit would cache the old state under the new version. (An ambient <c>TransactionScope</c>, which would commit
/// after all of these, is refused by EF on SQLite, the one provider whose cache relies on this.)
/// </summary>
public sealed partial class AccountStateChangeInterceptor(AccountStateVersion version)
    : SaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private sealed class Pending
    {
        public bool Value;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AdvanceIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        AdvanceIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A failed save may have committed nothing, or (outside a transaction) part: advancing is always safe.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AdvanceIfCommitted(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AdvanceIfCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    private void Inspect(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (Matters(entry)) Mark(context);
        }
    }

    private static bool Matters(EntityEntry entry) => entry.Entity switch
    {
        Account => entry.State == EntityState.Deleted || (entry.State == EntityState.Modified
            && (entry.Property(nameof(Account.Status)).IsModified || entry.Property(nameof(Account.ArrearsSinceUtc)).IsModified)),
        ApiKey => entry.State is EntityState.Modified or EntityState.Deleted,
        _ => false,
    };

    // Bulk and raw writes bypass the change tracker; SaveChanges' own commands are judged above, by column.
    [GeneratedRegex("""(UPDATE|DELETE\s+FROM)\s+"?(Accounts|ApiKeys)"?\s""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BulkWrite();

    private void Command(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is not { } context || eventData.CommandSource == CommandSource.SaveChanges) return;
        if (!BulkWrite().IsMatch(command.CommandText)) return;
        Mark(context);
        if (command.Transaction is null) AdvanceNow(context);
    }

    private void Mark(DbContext context) => pending.GetOrCreateValue(context).Value = true;

    private void AdvanceIfCommitted(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null) AdvanceNow(context);
    }

    private void AdvanceNow(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var flag) || !flag.Value) return;
        flag.Value = false;
        version.Advance();
    }

    DbDataReader IDbCommandInterceptor.ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Command(command, eventData);
        return result;
    }

    ValueTask<DbDataReader> IDbCommandInterceptor.ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken)
    {
        Command(command, eventData);
        return ValueTask.FromResult(result);
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Command(command, eventData);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        int result, CancellationToken cancellationToken)
    {
        Command(command, eventData);
        return ValueTask.FromResult(result);
    }

    object? IDbCommandInterceptor.ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Command(command, eventData);
        return result;
    }

    ValueTask<object?> IDbCommandInterceptor.ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken)
    {
        Command(command, eventData);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        AdvanceNow(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        AdvanceNow(eventData.Context);
        return Task.CompletedTask;
    }

    // Rolled back: nothing changed, but an advance costs one re-read per cached key, so be generous.
    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        AdvanceNow(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        AdvanceNow(eventData.Context);
        return Task.CompletedTask;
    }

    // The backstop for a transaction committed outside EF (UseTransaction with a DbTransaction of one's own).
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        AdvanceNow(eventData.Context);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        AdvanceNow(eventData.Context);
        return Task.CompletedTask;
    }
}
