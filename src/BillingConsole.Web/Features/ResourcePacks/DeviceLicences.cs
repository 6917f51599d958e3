using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record LicenceRow(Guid LicenceId, string? DeviceId, DateOnly BeginDay, DateOnly ExpiryDay, DateTime ExpiresAtUtc,
    bool IsTest, bool Valid, Money Paid);

/// <summary>The account's offline SDK licences and how many free test licences remain (SPEC P13).</summary>
public sealed record LicenceList(IReadOnlyList<LicenceRow> Licences, int TestLicencesLeft, Money UnitPrice);

/// <summary>
/// SPEC P13 offline face SDK licences: buy N devices × Y years from the balance, register a device id, renew, take a
/// free 30-day test licence. One handler for the four small use cases of one page (like <c>ApiKeysHandler</c>).
/// </summary>
public sealed class DeviceLicencesHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock, BillingCalendar calendar)
{
    public const string SdkMeter = "OFFLINE_SDK";

    public async Task<LicenceList> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var licences = await db.DeviceLicences.AsNoTracking().Where(l => l.AccountId == accountId).ToListAsync(ct);
        var rows = licences.OrderBy(l => l.BeginsAtUtc).ThenBy(l => l.Id).Select(l => ToRow(l, now)).ToList();
        var left = Math.Max(0, TestLicenceEligibility.MaxTestLicences - licences.Count(l => l.IsTest));
        return new LicenceList(rows, left, await UnitPriceAsync(db, ct));
    }

    public Task<Result<IReadOnlyList<LicenceRow>>> BuyAsync(Guid accountId, int devices, int years, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async innerCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(innerCt);
            var now = clock.GetUtcNow().UtcDateTime;
            var purchase = DeviceLicencePurchase.Create(accountId, devices, years, await UnitPriceAsync(db, innerCt), now);
            if (!purchase.IsOk) return purchase.Cast<IReadOnlyList<LicenceRow>>();
            var refusal = await PackCharges.RefusalForPurchaseAsync(db, accountId, innerCt);
            if (refusal is not null) return Result<IReadOnlyList<LicenceRow>>.Conflict(refusal);
            var first = purchase.Value!.Licences[0].Id;
            db.DeviceLicences.AddRange(purchase.Value.Licences);
            var charged = await PackCharges.ChargeAsync(db, accountId, LedgerEntryKind.LicencePurchase, purchase.Value.Price,
                first.ToString(), $"licence-purchase:{first}", $"Offline SDK licences: {devices} device(s) × {years} year(s)", now, innerCt);
            if (!charged.IsOk) return charged.Cast<IReadOnlyList<LicenceRow>>();
            await db.SaveChangesAsync(innerCt);
            return Result<IReadOnlyList<LicenceRow>>.Ok(purchase.Value.Licences.Select(l => ToRow(l, now)).ToList());
        }, ct);

    public async Task<Result<LicenceRow>> RegisterDeviceAsync(Guid accountId, Guid licenceId, string? deviceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var licence = await db.DeviceLicences.FirstOrDefaultAsync(l => l.Id == licenceId && l.AccountId == accountId, ct);
        if (licence is null) return Result<LicenceRow>.NotFound("No such licence.");
        var id = deviceId?.Trim() ?? "";
        if (await db.DeviceLicences.AnyAsync(l => l.AccountId == accountId && l.DeviceId == id, ct))
        {
            return Result<LicenceRow>.Invalid("deviceId", $"Device {id} is already registered to another licence.");
        }
        var registered = licence.RegisterDevice(id, now);
        if (!registered.IsOk) return registered.Cast<LicenceRow>();
        await db.SaveChangesAsync(ct);
        return Result<LicenceRow>.Ok(ToRow(licence, now));
    }

    public Task<Result<LicenceRow>> RenewAsync(Guid accountId, Guid licenceId, int years, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async innerCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(innerCt);
            var now = clock.GetUtcNow().UtcDateTime;
            var licence = await db.DeviceLicences.FirstOrDefaultAsync(l => l.Id == licenceId && l.AccountId == accountId, innerCt);
            if (licence is null) return Result<LicenceRow>.NotFound("No such licence.");
            var refusal = await PackCharges.RefusalForPurchaseAsync(db, accountId, innerCt);
            if (refusal is not null) return Result<LicenceRow>.Conflict(refusal);
            var key = $"licence-renewal:{licence.Id}:{licence.Version:N}";
            var price = licence.Renew(years, await UnitPriceAsync(db, innerCt), now);
            if (!price.IsOk) return price.Cast<LicenceRow>();
            var charged = await PackCharges.ChargeAsync(db, accountId, LedgerEntryKind.LicencePurchase, price.Value,
                licence.Id.ToString(), key, $"Offline SDK licence renewal: {years} year(s)", now, innerCt);
            if (!charged.IsOk) return charged.Cast<LicenceRow>();
            await db.SaveChangesAsync(innerCt);
            return Result<LicenceRow>.Ok(ToRow(licence, now));
        }, ct);

    /// <summary>
    /// SPEC P13: a free test licence in the next free slot. Two requests racing for the same slot meet the unique key;
    /// the loser re-reads and takes the next slot, or hears that both are used.
    /// </summary>
    public Task<Result<LicenceRow>> TakeTestLicenceAsync(Guid accountId, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var now = clock.GetUtcNow().UtcDateTime;
            if (!await db.Accounts.AnyAsync(a => a.Id == accountId, attemptCt)) return Result<LicenceRow>.NotFound("The account does not exist.");
            var held = await db.DeviceLicences.AsNoTracking().Where(l => l.AccountId == accountId && l.IsTest).ToListAsync(attemptCt);
            var taken = TestLicenceEligibility.Take(accountId, held, now);
            if (!taken.IsOk) return taken.Cast<LicenceRow>();
            db.DeviceLicences.Add(taken.Value!);
            await db.SaveChangesAsync(attemptCt);
            return Result<LicenceRow>.Ok(ToRow(taken.Value!, now));
        }, ct);

    private static async Task<Money> UnitPriceAsync(BillingDbContext db, CancellationToken ct) =>
        Money.FromUnits(await db.Meters.Where(m => m.Code == SdkMeter).Select(m => m.UnitPriceUnits).FirstAsync(ct));

    /// <summary>Days are billing-zone days; the expiry day is the last day the licence is valid on.</summary>
    private LicenceRow ToRow(DeviceLicence l, DateTime now) =>
        new(l.Id, l.DeviceId, calendar.DayOf(l.BeginsAtUtc), calendar.DayOf(l.ExpiresAtUtc.AddTicks(-1)), l.ExpiresAtUtc,
            l.IsTest, l.IsValidAt(now), Money.FromUnits(l.PaidUnits));
}
