using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>One row of the quota alert dialog (SPEC A1); hourly-cycle types come with <see cref="Supported"/> false.</summary>
public sealed record QuotaAlertSettingRow(string PackType, string PackTypeName, string PackTypeNameEn, PackCycle Cycle,
    bool Enabled, int ThresholdPercent, bool Supported);

/// <summary>The settings of every pack type the account holds or has held; a type without a stored setting shows the
/// A1 default (enabled, 30 %), which is also what the engine applies to it.</summary>
public sealed class GetQuotaAlertSettingsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<IReadOnlyList<QuotaAlertSettingRow>> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, accountId, ct);
    }

    internal static async Task<IReadOnlyList<QuotaAlertSettingRow>> ReadAsync(BillingDbContext db, Guid accountId,
        CancellationToken ct)
    {
        var held = await PackHoldings.HeldTypesAsync(db, accountId, ct);
        var settings = await db.QuotaAlertSettings.AsNoTracking().Where(s => s.AccountId == accountId)
            .ToDictionaryAsync(s => s.PackTypeCode, ct);
        return held.Select(t =>
        {
            var supported = t.Cycle != PackCycle.Hourly;
            var setting = settings.GetValueOrDefault(t.PackTypeCode);
            return new QuotaAlertSettingRow(t.PackTypeCode, t.Name, t.NameEn, t.Cycle,
                supported && (setting?.Enabled ?? true),
                setting?.ThresholdPercent ?? QuotaAlertSetting.DefaultThresholdPercent, supported);
        }).ToList();
    }
}
