using System.Text.RegularExpressions;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>The accepted form of an offline SDK device id: 1–64 ASCII letters, digits, '-', '_' or ':'.</summary>
public static partial class DeviceIdFormat
{
    public const int MaxLength = 64;

    public static bool IsValid(string? deviceId) => deviceId is not null && Pattern().IsMatch(deviceId);

    [GeneratedRegex(@"^[A-Za-z0-9_:-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
