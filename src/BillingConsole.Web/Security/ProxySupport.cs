using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BillingConsole.Web.Security;

/// <summary>
/// Behind a reverse proxy (<c>ForwardedHeaders:Enabled=true</c>) the client address and scheme come from
/// X-Forwarded-For/-Proto, trusted only from loopback and the addresses in <c>ForwardedHeaders:KnownProxies</c>.
/// Off by default: trusting those headers from anyone would let a client forge its audit address.
/// </summary>
public static class ProxySupport
{
    public static IApplicationBuilder UseForwardedHeadersIfEnabled(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue("ForwardedHeaders:Enabled", false)) return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
        }
        return app.UseForwardedHeaders(options);
    }
}
