using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>A target the policy refuses; the attempt is logged as failed with this message.</summary>
public sealed class WebhookTargetRefusedException(string message) : HttpRequestException(message);

/// <summary>
/// The HTTP client of webhook deliveries. The address is resolved and checked in <see cref="SocketsHttpHandler.ConnectCallback"/>,
/// at connect time, on the address actually connected to (a name that resolves to a public address when the endpoint
/// is saved and to 127.0.0.1 at send time, DNS rebinding, is refused). Redirects are not followed; no proxy, no
/// cookies; pooled connections live a minute so a changed DNS answer is seen.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return services;
    }

    public static SocketsHttpHandler CreateHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectTimeout = options.Timeout,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateTargets, ct),
    };

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(target.Host, ct);
        if (addresses.Length == 0) throw new WebhookTargetRefusedException($"{target.Host} does not resolve.");
        if (!allowPrivate)
        {
            var refused = addresses.FirstOrDefault(a => !OutboundAddressPolicy.IsPublic(a));
            if (refused is not null)
            {
                throw new WebhookTargetRefusedException(
                    $"{target.Host} resolves to {refused}, a loopback, link-local or private address: refused.");
            }
        }
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                last = ex;
                if (ex is OperationCanceledException) throw;
            }
        }
        throw last!;
    }
}
