namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary><c>AlibabaOpenApi:*</c>: the Alibaba Cloud compatible endpoint (docs/alibaba-openapi.md).</summary>
public sealed class OpenApiOptions
{
    /// <summary>Whether a request to <c>/</c> with <c>x-acs-action</c> is answered as an OpenAPI call (default true).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How far <c>x-acs-date</c> may be from the server clock, either way.</summary>
    public TimeSpan DateWindow { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>The largest request body read; none of the served operations sends one.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;
    /// <summary>Sustained calls per second per AccessKey; beyond it <c>Throttling.User</c>.</summary>
    public int PermitsPerSecond { get; set; } = 20;
    /// <summary>Calls an AccessKey may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 40;
    /// <summary>The <c>Region</c> reported for resource packs.</summary>
    public string Region { get; set; } = "cn-hangzhou";
}
