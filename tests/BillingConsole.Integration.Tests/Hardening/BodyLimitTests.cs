using System.Net;
using System.Net.Http.Json;
using System.Text;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.Recharge;
using static BillingConsole.Integration.Tests.Hardening.Problems;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 items 2 and 3: every route has a request-body limit, enforced while reading, answered 413 problem.</summary>
[Collection(HostCollection.Name)]
public sealed class BodyLimitTests(BodyLimitTests.App app) : IClassFixture<BodyLimitTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SandboxNotify_AChunkedBodyThatKeepsStreaming_Is413BeforeItIsRead()
    {
        var body = new EndlessContent();
        body.Headers.ContentType = new("application/json");

        var response = await app.AnonymousClient().PostAsync("/api/v1/payments/notify/sandbox", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(body.Sent < 4 * 1024 * 1024, $"{body.Sent:N0} bytes were sent before the answer");
    }

    [Fact]
    public async Task SandboxNotify_A28MiBContentLength_Is413WithoutReadingIt()
    {
        var body = new EndlessContent(declaredLength: 28L * 1024 * 1024);
        body.Headers.ContentType = new("application/json");

        var response = await app.AnonymousClient().PostAsync("/api/v1/payments/notify/sandbox", body, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("8 KiB", problem.GetProperty("title").GetString());
        Assert.True(body.Sent < 4 * 1024 * 1024, $"{body.Sent:N0} bytes were sent before the answer");
    }

    [Fact]
    public async Task UsageEvents_A50MBContentLength_Is413NotA500()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var body = new EndlessContent(declaredLength: 50_000_000);
        body.Headers.ContentType = new("application/json");

        var response = await app.Bearer(key).PostAsync("/api/v1/usage/events", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(body.Sent < 8 * 1024 * 1024, $"{body.Sent:N0} bytes were sent before the answer");
    }

    [Fact]
    public async Task UsageEvents_AChunkedBodyPastTheLimit_Is413()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var body = new EndlessContent();
        body.Headers.ContentType = new("application/json");

        var response = await app.Bearer(key).PostAsync("/api/v1/usage/events", body, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(body.Sent < MeteringEndpoints.MaxBodyBytes + 8 * 1024 * 1024, $"{body.Sent:N0} bytes were sent");
    }

    [Fact]
    public async Task UsageEvents_AThousandEventsWithTheLongestIds_FitTheLimit()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var now = DateTime.UtcNow.AddMinutes(-1).ToString("O");
        var events = Enumerable.Range(0, 1000).Select(i => new
        {
            eventId = $"{i:D6}-{new string('e', 121)}", service = "RP", outcome = "passed", occurredAt = now,
            sceneId = new string('s', 64),
        });
        var json = System.Text.Json.JsonSerializer.Serialize(new { events });
        Assert.True(json.Length > 200_000);

        var response = await app.Bearer(key).PostAsync("/api/v1/usage/events",
            new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AnApiRouteWithoutItsOwnLimit_GetsTheDefault()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var json = $$"""{"packSpecId":"x","padding":"{{new string('p', 100_000)}}"}""";

        var response = await app.Bearer(key).PostAsync("/api/v1/packs", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task SandboxNotify_ABodyUnderTheLimit_StillReachesTheHandler()
    {
        var response = await app.AnonymousClient().PostAsJsonAsync("/api/v1/payments/notify/sandbox",
            new { padding = new string('p', RechargeEndpoints.MaxNotificationBytes / 2) }, Ct);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((int)response.StatusCode < 500);
    }
}

/// <summary>The same limits on the real server (Kestrel), whose own 30,000,000-byte limit used to answer 500.</summary>
[Collection(HostCollection.Name)]
public sealed class KestrelBodyLimitTests(KestrelBodyLimitTests.App app) : IClassFixture<KestrelBodyLimitTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App()
        {
            With("Admin:ApiToken", ApiClients.AdminToken);
            UseKestrel(0);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A raw HTTP/1.1 client: HttpClient gives up on its own send when the server answers early and closes, which is
    /// exactly what should happen here, so the test writes the body and reads the answer side by side.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(31_000_000L)]
    public async Task SandboxNotify_OverKestrelsOwnLimit_Is413Problem(long? contentLength)
    {
        app.StartServer();
        var address = app.CreateClient().BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Ct);
        var stream = tcp.GetStream();
        var framing = contentLength is { } length ? $"Content-Length: {length}" : "Transfer-Encoding: chunked";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/payments/notify/sandbox HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n"), Ct);
        long sent = 0;
        var writer = Task.Run(async () =>
        {
            var data = new byte[16 * 1024];
            Array.Fill(data, (byte)' ');
            var chunk = contentLength is null ? [.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8] : data;
            try
            {
                while (sent < 64L * 1024 * 1024)
                {
                    await stream.WriteAsync(chunk, Ct);
                    Interlocked.Add(ref sent, data.Length);
                }
            }
            catch (IOException) { } // the server answered and closed: expected
        }, Ct);

        var answer = await ReadAnswerAsync(stream);
        await writer;

        Assert.StartsWith("HTTP/1.1 413", answer);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"title\":", answer);
        Assert.True(Interlocked.Read(ref sent) < 16 * 1024 * 1024, $"{sent:N0} bytes were sent before the answer");
    }

    private static async Task<string> ReadAnswerAsync(Stream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
                if (text.ToString().Contains("\"title\":") && text.ToString().TrimEnd().EndsWith('}')) break;
            }
        }
        catch (IOException) { } // closed after the answer
        return text.ToString();
    }
}
