using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>What the receiver got, and whether the independent Standard Webhooks library accepted it.</summary>
public sealed record Received(string Id, long Timestamp, string Signature, string Body, bool Verified, string? VerifyError);

/// <summary>
/// A customer's server on loopback: verifies each delivery with the StandardWebhooks NuGet package (1.1.2, an
/// implementation nobody here wrote) against the secrets the test gives it, and answers as the test scripts it
/// (a status code, or hanging past the timeout).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? app;

    public ConcurrentQueue<Received> Deliveries { get; } = new();
    /// <summary>Answers to give, in order; after they run out, 200.</summary>
    public ConcurrentQueue<Func<Task<IResult>>> Script { get; } = new();
    /// <summary>Secrets the receiver verifies with (any one accepting is a pass).</summary>
    public List<string> Secrets { get; } = [];
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var receiver = new WebhookReceiver();
        await receiver.StartOnAsync(port);
        return receiver;
    }

    public async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            string? error = null;
            var verified = false;
            foreach (var secret in Secrets.ToList())
            {
                try
                {
                    new StandardWebhook(secret).Verify(body, request.Headers);
                    verified = true;
                    break;
                }
                catch (Exception ex)
                {
                    error = ex.Message;
                }
            }
            Deliveries.Enqueue(new Received(request.Headers["webhook-id"].ToString(),
                long.Parse(request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                request.Headers["webhook-signature"].ToString(), body, verified, verified ? null : error));
            return Script.TryDequeue(out var answer) ? await answer() : Results.Text("ok, thanks");
        });
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task StopAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
        app = null;
    }

    public static Func<Task<IResult>> Status(int code) => () => Task.FromResult(Results.Text("nope " + code, statusCode: code));

    public static Func<Task<IResult>> Hang(TimeSpan time) => async () =>
    {
        await Task.Delay(time);
        return Results.Ok();
    };

    public async ValueTask DisposeAsync() => await StopAsync();
}
