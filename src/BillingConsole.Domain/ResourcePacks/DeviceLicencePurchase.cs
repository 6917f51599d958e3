using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>A purchase of N device licences for Y years at the OFFLINE_SDK unit price (SPEC P13).</summary>
public sealed record DeviceLicencePurchase(IReadOnlyList<DeviceLicence> Licences, Money Price)
{
    public const int MaxDevices = 1000;
    public const int MaxYears = 10;

    /// <summary>Prices and creates the licences: price = <paramref name="unitPrice"/> × devices × years.</summary>
    /// <param name="unitPrice">The OFFLINE_SDK meter's price per device and year (399.00 by default).</param>
    public static Result<DeviceLicencePurchase> Create(Guid accountId, int devices, int years, Money unitPrice, DateTime nowUtc)
    {
        if (devices is < 1 or > MaxDevices) return Result<DeviceLicencePurchase>.Invalid("devices", $"Choose 1 to {MaxDevices} devices.");
        if (years is < 1 or > MaxYears) return Result<DeviceLicencePurchase>.Invalid("years", $"Choose 1 to {MaxYears} years.");
        if (unitPrice.IsNegative) throw new ArgumentOutOfRangeException(nameof(unitPrice), "A price cannot be negative.");
        var perLicence = unitPrice * years;
        var licences = Enumerable.Range(0, devices)
            .Select(_ => DeviceLicence.Paid(accountId, years, perLicence.Units, nowUtc))
            .ToList();
        return Result<DeviceLicencePurchase>.Ok(new DeviceLicencePurchase(licences, perLicence * devices));
    }
}
