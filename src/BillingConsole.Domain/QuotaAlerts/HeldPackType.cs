using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>A pack type the account holds or has held (bought, trial or granted), as offered by the dialog (A1).</summary>
public sealed record HeldPackType(string PackTypeCode, PackCycle Cycle);
