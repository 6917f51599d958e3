using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace BillingConsole.Integration.Tests.ScaleOut;

/// <summary>
/// One app node as its own operating-system process (<c>dotnet BillingConsole.Web.dll</c>), so two nodes share
/// nothing in memory: only the PostgreSQL database, the sandbox signing key and the admin token, as in production.
/// </summary>
internal sealed class AppNode : IAsyncDisposable
{
    public const string AdminToken = "scale-out-admin-token-0123456789";
    public const string SigningKey = "scale-out-signing-key";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppNode(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static async Task<AppNode> StartAsync(string connectionString, string name,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "BillingConsole.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var dataFolder = Path.Combine(Path.GetTempPath(), "billing-nodes", Guid.NewGuid().ToString("N"));
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        env["Database__Provider"] = "Postgres";
        env["ConnectionStrings__Billing"] = connectionString;
        env["ConnectionStrings__Hangfire"] = connectionString;
        env["Admin__ApiToken"] = AdminToken;
        env["Payments__Sandbox__Enabled"] = "true";
        env["Payments__Sandbox__SigningKey"] = SigningKey;
        env["Hangfire__Server"] = "false";
        env["Seed__Demo"] = "false";
        env["Email__PickupDirectory"] = Path.Combine(dataFolder, "mail");
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;

        var process = new Process { StartInfo = start };
        var node = new AppNode(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => node.Append(name, e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitHealthyAsync();
        return node;
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public HttpClient Admin() => Client(AdminToken);

    private void Append(string name, string? line)
    {
        if (line is null) return;
        lock (output) output.Append('[').Append(name).Append("] ").AppendLine(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The node exited ({process.ExitCode}):\n{Output}");
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
        throw new TimeoutException($"The node did not become healthy:\n{Output}");
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
