using BillingConsole.Web.Features.Recharge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// <c>Payments:PublicBaseUrl</c>, else the current request's own base, else the first address the server listens on
/// (Blazor circuits and jobs have no request).
/// </summary>
public sealed class PublicBaseUrl(IOptions<PaymentOptions> options, IHttpContextAccessor http, IServer server)
{
    public string Value
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return options.Value.PublicBaseUrl.TrimEnd('/');
            if (http.HttpContext?.Request is { Host.HasValue: true } request)
            {
                return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
            }
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            return address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost")
                .Replace("://0.0.0.0", "://localhost").TrimEnd('/');
        }
    }

    /// <summary>An absolute URL for a path or URL (the gateway may be configured site-relative for the simulator).</summary>
    public Uri Absolute(string pathOrUrl) =>
        Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute
            : new Uri(Value + "/" + pathOrUrl.TrimStart('/'));
}
