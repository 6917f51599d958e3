using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// Saves the dialog (SPEC A1): all rows or none. Rows left out keep their setting. A changed setting re-arms its
/// thresholds (A4), so the evaluation that follows alerts at once when the new percentage is already reached.
/// </summary>
public sealed class SaveQuotaAlertSettingsHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    EvaluateQuotaAlertsHandler evaluate)
{
    public async Task<Result<IReadOnlyList<QuotaAlertSettingRow>>> HandleAsync(Guid accountId,
        IReadOnlyList<QuotaAlertSettingInput> rows, CancellationToken ct)
    {
        var saved = await ConcurrencyRetry.ExecuteAsync(token => SaveAsync(accountId, rows, token), ct);
        if (!saved.IsOk) return saved.Cast<IReadOnlyList<QuotaAlertSettingRow>>();
        await evaluate.HandleAsync(accountId, QuotaAlertTrigger.SettingChanged, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Result<IReadOnlyList<QuotaAlertSettingRow>>.Ok(
            await GetQuotaAlertSettingsHandler.ReadAsync(db, accountId, ct));
    }

    private async Task<Result<bool>> SaveAsync(Guid accountId, IReadOnlyList<QuotaAlertSettingInput> rows,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await PackHoldings.HeldTypesAsync(db, accountId, ct);
        var valid = QuotaAlertSettingsValidator.Validate(rows,
            held.Select(t => new HeldPackType(t.PackTypeCode, t.Cycle)).ToList());
        if (!valid.IsOk) return valid.Cast<bool>();

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.QuotaAlertSettings.Where(s => s.AccountId == accountId)
            .ToDictionaryAsync(s => s.PackTypeCode, ct);
        foreach (var row in valid.Value!)
        {
            if (!settings.TryGetValue(row.PackTypeCode, out var setting))
            {
                setting = QuotaAlertSetting.CreateDefault(accountId, row.PackTypeCode, now);
                db.QuotaAlertSettings.Add(setting);
            }
            var updated = setting.Update(row.Enabled, row.ThresholdPercent, now);
            if (!updated.IsOk) return updated.Cast<bool>();
        }
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}
