namespace BillingConsole.Web.Resources;

/// <summary>
/// Marker type for the console's one resource set (SharedResource.resx is English, SharedResource.zh-CN.resx
/// Simplified Chinese); inject <c>IStringLocalizer&lt;SharedResource&gt;</c>. Keys are stable English ids.
/// </summary>
public sealed class SharedResource;
