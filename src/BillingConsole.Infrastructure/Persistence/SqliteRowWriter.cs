using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// Writes entities of the EF model straight through prepared SQLite statements on the context's open connection, inside
/// its current transaction: <see cref="Insert{T}"/> a new row, <see cref="Update{T}"/> every column of a row under its
/// concurrency token. Table and column names come from the EF model and every value goes through the property's EF value
/// converter, then is bound in the text formats Microsoft.Data.Sqlite uses for EF (a test compares the stored rows
/// column by column with what <c>SaveChanges</c> stores).
/// <para>
/// Why: for bulk work (daily billing of thousands of accounts) <c>SaveChanges</c> builds and prepares a new command text
/// for every batch, and that, not SQLite, was most of the time (docs/benchmarks.md). SaveChanges interceptors do not
/// run here: the caller does what they would do (the read-only guard, ledger audit rows, the account state version).
/// </para>
/// </summary>
public sealed class SqliteRowWriter : IDisposable
{
    private readonly DbContext db;
    private readonly SqliteConnection connection;
    private readonly Dictionary<(Type, bool Update), Statement> statements = [];

    /// <summary>The context must be on SQLite with its connection open (a transaction begun on it opens it).</summary>
    public SqliteRowWriter(DbContext db)
    {
        this.db = db;
        connection = db.Database.GetDbConnection() as SqliteConnection
                     ?? throw new InvalidOperationException("SqliteRowWriter needs a SQLite connection.");
        if (connection.Handle is null) throw new InvalidOperationException("Open the connection (begin the transaction) first.");
    }

    /// <summary>INSERT of every mapped column, except an integer key that SQLite assigns (rowid).</summary>
    public void Insert<T>(T entity) where T : class
    {
        For(typeof(T), update: false).Changes(connection, entity, originalToken: null);
    }

    /// <summary>
    /// UPDATE of every non-key column of the row with this key, only if its concurrency token still holds
    /// <paramref name="originalToken"/> (the value read); otherwise <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public void Update<T>(T entity, object? originalToken) where T : class
    {
        var statement = For(typeof(T), update: true);
        if (statement.Changes(connection, entity, originalToken) != 1)
        {
            throw new DbUpdateConcurrencyException(
                $"{typeof(T).Name} {statement.KeyOf(entity)} was changed or deleted since it was read.");
        }
    }

    private Statement For(Type type, bool update)
    {
        if (statements.TryGetValue((type, update), out var statement)) return statement;
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        // The SQL and the columns' getters and converters depend only on the model: built once per process.
        var plan = Plans.GetOrAdd((entityType, update), static key => Plan.For(key.EntityType, key.Update));
        statement = new Statement(connection, plan);
        statements[(type, update)] = statement;
        return statement;
    }

    private static readonly ConcurrentDictionary<(IEntityType EntityType, bool Update), Plan> Plans = new();

    public void Dispose()
    {
        foreach (var statement in statements.Values) statement.Dispose();
        statements.Clear();
    }

    /// <summary>A statement's SQL and its columns in parameter order (key and token last for an UPDATE).</summary>
    private sealed record Plan(string Sql, Column[] Columns, Column Key)
    {
        public static Plan For(IEntityType entityType, bool update)
        {
            var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
            var identifier = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            var primaryKey = entityType.FindPrimaryKey()?.Properties is [var single]
                ? single
                : throw new NotSupportedException($"{entityType.DisplayName()}: only single-column keys are supported.");
            var tokens = entityType.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
            if (tokens.Count > 1) throw new NotSupportedException($"{entityType.DisplayName()}: more than one concurrency token.");

            Column ColumnOf(IProperty p) => Column.Of(p, identifier);
            string Quoted(Column c) => "\"" + c.Name + "\"";
            if (!update)
            {
                // SQLite assigns an integer key that EF marks as generated on add (an AUTOINCREMENT/rowid column).
                var columns = entityType.GetProperties()
                    .Where(p => !(p == primaryKey && p.ValueGenerated != ValueGenerated.Never && IsInteger(p.ClrType)))
                    .Select(ColumnOf).ToArray();
                return new Plan($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(Quoted))}) " +
                                $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})", columns, ColumnOf(primaryKey));
            }
            var set = entityType.GetProperties().Where(p => p != primaryKey).Select(ColumnOf).ToList();
            var where = new List<Column> { ColumnOf(primaryKey) };
            if (tokens.Count == 1) where.Add(ColumnOf(tokens[0]) with { ReadsOriginal = true });
            return new Plan(
                $"UPDATE \"{table}\" SET {string.Join(", ", set.Select((c, i) => $"{Quoted(c)} = ?{i + 1}"))} " +
                $"WHERE {string.Join(" AND ", where.Select((c, i) => $"{Quoted(c)} = ?{set.Count + i + 1}"))}",
                [.. set, .. where], ColumnOf(primaryKey));
        }
    }

    private sealed class Statement : IDisposable
    {
        private readonly sqlite3_stmt handle;
        private readonly Plan plan;

        public Statement(SqliteConnection connection, Plan plan)
        {
            this.plan = plan;
            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, plan.Sql, out handle));
        }

        public object? KeyOf(object entity) => plan.Key.Getter.GetClrValue(entity);

        public int Changes(SqliteConnection connection, object entity, object? originalToken)
        {
            var columns = plan.Columns;
            for (var i = 0; i < columns.Length; i++)
            {
                var column = columns[i];
                var value = column.ReadsOriginal ? originalToken : column.Getter.GetClrValue(entity);
                if (value is not null && column.Converter is { } converter) value = converter.ConvertToProvider(value);
                Bind(connection, handle, i + 1, value);
            }
            var step = raw.sqlite3_step(handle);
            // No sqlite3_clear_bindings: every parameter is bound again for the next row, and keeping the bound values
            // lets SQLite reuse their buffers instead of freeing and allocating one per text value.
            raw.sqlite3_reset(handle);
            if (step != raw.SQLITE_DONE) Check(connection, step);
            return raw.sqlite3_changes(connection.Handle);
        }

        public void Dispose() => handle.Dispose();
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, bool ReadsOriginal = false)
    {
        public static Column Of(IProperty property, StoreObjectIdentifier table)
        {
            if (property.IsShadowProperty()) throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property.");
            var name = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column.");
            return new Column(name, property.GetGetter(), property.GetTypeMapping().Converter);
        }
    }

    private static bool IsInteger(Type type) => type == typeof(long) || type == typeof(int) || type == typeof(short);

    /// <summary>Microsoft.Data.Sqlite's formats for the provider types EF's SQLite mappings produce.</summary>
    private static void Bind(SqliteConnection connection, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, s),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            short s => raw.sqlite3_bind_int64(statement, index, s),
            byte b => raw.sqlite3_bind_int64(statement, index, b),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            Guid g => SqliteText.Bind(statement, index, g),
            DateTime d => SqliteText.Bind(statement, index, d),
            DateOnly d => SqliteText.Bind(statement, index, d),
            double d => raw.sqlite3_bind_double(statement, index, d),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"SqliteRowWriter cannot bind a {value.GetType().Name} yet; add its format with a test."),
        };
        Check(connection, rc);
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE) return;
        var message = raw.sqlite3_errmsg(connection.Handle).utf8_to_string();
        // Same exception type as EF's save path, so callers' conflict handling (a unique key lost to another run) applies.
        throw new DbUpdateException($"SQLite error {rc}: {message}", new SqliteException(message, rc, raw.sqlite3_extended_errcode(connection.Handle)));
    }
}
