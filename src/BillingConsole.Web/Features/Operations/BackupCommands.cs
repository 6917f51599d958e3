using System.IO.Compression;
using System.Text.Json;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// <c>dotnet BillingConsole.Web.dll backup --to &lt;file&gt;</c> and <c>restore --from &lt;file&gt; [--force]</c> (issue #22,
/// docs/deploy.md "Backups"). The settings are the app's own (appsettings, environment, the rest of the command line),
/// so the command finds the same database files as the app. A backup is a zip of a consistent copy of the billing
/// database and of Hangfire's, each taken with SQLite's online backup API while the app keeps running (one read
/// transaction per file: WAL writers go on). Restore refuses to overwrite existing files unless told to, and must run
/// while the app is stopped. PostgreSQL is backed up with pg_dump or point-in-time recovery instead.
/// </summary>
public static class BackupCommands
{
    private const string BillingEntry = "billing.db";
    private const string HangfireEntry = "hangfire.db";
    private const string ManifestEntry = "backup.json";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args[0];
        var (file, force, rest) = Parse(args[1..], command == "backup" ? "--to" : "--from");
        if (file is null)
        {
            await Console.Error.WriteLineAsync(command == "backup"
                ? "Usage: BillingConsole.Web backup --to <file.zip>"
                : "Usage: BillingConsole.Web restore --from <file.zip> [--force]   (stop the app first)");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(HostLayout.Options(rest));
        var database = DatabaseOptions.From(builder.Configuration, builder.Environment);
        if (!database.IsSqlite)
        {
            await Console.Error.WriteLineAsync("Database:Provider is Postgres: back up with pg_dump or point-in-time " +
                                               "recovery (docs/deploy.md \"Backups\"); this command copies SQLite files only.");
            return 2;
        }
        try
        {
            return command == "backup" ? Backup(database, Path.GetFullPath(file)) : Restore(database, Path.GetFullPath(file), force);
        }
        catch (Exception e) when (e is IOException or SqliteException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{command} failed: {e.Message}");
            return 1;
        }
    }

    private static int Backup(DatabaseOptions database, string target)
    {
        var work = Directory.CreateTempSubdirectory("billing-backup-");
        try
        {
            var billing = Path.Combine(work.FullName, BillingEntry);
            var hangfire = Path.Combine(work.FullName, HangfireEntry);
            Copy(database.BillingConnectionString, billing);
            if (File.Exists(DatabaseOptions.SqliteFilePath(database.HangfireConnectionString)))
            {
                Copy(database.HangfireConnectionString, hangfire);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = target + ".partial";
            File.Delete(partial);
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(billing, BillingEntry, CompressionLevel.Fastest);
                if (File.Exists(hangfire)) zip.CreateEntryFromFile(hangfire, HangfireEntry, CompressionLevel.Fastest);
                using var manifest = new StreamWriter(zip.CreateEntry(ManifestEntry).Open());
                manifest.Write(JsonSerializer.Serialize(new
                {
                    takenAtUtc = DateTime.UtcNow,
                    billing = DatabaseOptions.SqliteFilePath(database.BillingConnectionString),
                    hangfire = DatabaseOptions.SqliteFilePath(database.HangfireConnectionString),
                }));
            }
            File.Move(partial, target, overwrite: true);
            Console.WriteLine($"Backup written to {target} ({new FileInfo(target).Length:N0} bytes).");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A consistent copy through SQLite's online backup API, checked before it is kept.</summary>
    private static void Copy(string sourceConnectionString, string targetFile)
    {
        var source = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource)) throw new IOException($"There is no database at '{source.DataSource}'.");
        using var from = new SqliteConnection(source.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        using var check = to.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        if (check.ExecuteScalar() as string != "ok") throw new InvalidDataException($"The copy of '{source.DataSource}' failed its integrity check.");
    }

    private static int Restore(DatabaseOptions database, string from, bool force)
    {
        if (!File.Exists(from)) throw new IOException($"There is no backup at '{from}'.");
        var billing = DatabaseOptions.SqliteFilePath(database.BillingConnectionString);
        var hangfire = DatabaseOptions.SqliteFilePath(database.HangfireConnectionString);
        using var zip = ZipFile.OpenRead(from);
        if (zip.GetEntry(BillingEntry) is null) throw new InvalidDataException($"'{from}' is not a BillingConsole backup.");
        if (!force && (File.Exists(billing) || File.Exists(hangfire)))
        {
            Console.Error.WriteLine($"'{billing}' or '{hangfire}' exists. Stop the app, move the files away (or pass --force " +
                                    "to replace them), then restore again.");
            return 1;
        }
        foreach (var (entry, path) in new[] { (BillingEntry, billing), (HangfireEntry, hangfire) })
        {
            foreach (var leftover in new[] { path, path + "-wal", path + "-shm" }) File.Delete(leftover);
            if (zip.GetEntry(entry) is not { } stored) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            stored.ExtractToFile(path + ".restoring", overwrite: true);
            File.Move(path + ".restoring", path, overwrite: true);
            Console.WriteLine($"Restored {entry} to {path}.");
        }
        Console.WriteLine("Start the app: it applies any newer migrations and re-registers the recurring jobs.");
        return 0;
    }

    private static (string? File, bool Force, string[] Others) Parse(string[] args, string fileOption)
    {
        string? file = null;
        var force = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == fileOption && i + 1 < args.Length) file = args[++i];
            else if (args[i] == "--force") force = true;
            else rest.Add(args[i]);
        }
        return (file, force, rest.ToArray());
    }
}
