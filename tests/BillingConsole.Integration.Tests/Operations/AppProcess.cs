using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>
/// The built app as its own process (<c>dotnet BillingConsole.Web.dll</c>) in Production on a loopback port with its own
/// SQLite files, for what only a real process shows: its console output, a backup taken from outside it.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string AdminToken = "operations-admin-token-0123456789";

    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private AppProcess(Process process, Uri baseAddress, string dataFolder)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }
    public string DataFolder { get; }
    public string BillingDb => Path.Combine(DataFolder, "billing.db");
    public string HangfireDb => Path.Combine(DataFolder, "hangfire.db");

    public string StandardOutput
    {
        get { lock (stdout) return stdout.ToString(); }
    }

    public string StandardError
    {
        get { lock (stderr) return stderr.ToString(); }
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "BillingConsole.Web.dll");

    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? settings = null, string? dataFolder = null)
    {
        var port = FreePort();
        dataFolder ??= Path.Combine(Path.GetTempPath(), "billing-ops", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["ConnectionStrings__Billing"] = $"Data Source={Path.Combine(dataFolder, "billing.db")}";
        env["ConnectionStrings__Hangfire"] = $"Data Source={Path.Combine(dataFolder, "hangfire.db")}";
        env["Admin__ApiToken"] = AdminToken;
        env["Hangfire__Server"] = "false";
        env["Seed__Demo"] = "false";
        env["Email__PickupDirectory"] = Path.Combine(dataFolder, "mail");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder);
        process.OutputDataReceived += (_, e) => Append(app.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(app.stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitHealthyAsync();
        return app;
    }

    /// <summary>Runs an operator command of the app (<c>backup</c>, <c>restore</c>) on the files of <paramref name="dataFolder"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Billing"] = $"Data Source={Path.Combine(dataFolder, "billing.db")}";
        start.Environment["ConnectionStrings__Hangfire"] = $"Data Source={Path.Combine(dataFolder, "hangfire.db")}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Stops the process the way systemd does (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to) to.AppendLine(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}):\n{StandardOutput}\n{StandardError}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not become healthy:\n{StandardOutput}\n{StandardError}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
