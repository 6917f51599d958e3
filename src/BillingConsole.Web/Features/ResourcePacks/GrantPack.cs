using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

public sealed record GrantPackCommand(Guid AccountId, string? SpecId, DateTime? EffectiveAtUtc, DateTime? ExpiresAtUtc,
    string? Reason, string GrantedBy);

/// <summary>
/// SPEC P12: staff grant a pack as compensation, at price 0, between chosen times, with a reason. The reason and the
/// granting user are stored on the pack, and the grant is in the audit log in the same transaction (SPEC I4).
/// </summary>
public sealed class GrantPackHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AlertTriggers alerts, AuditLog audit, ILogger<GrantPackHandler> logger)
{
    public const int MaxReasonLength = 500;

    public async Task<Result<PackRow>> HandleAsync(GrantPackCommand cmd, CancellationToken ct)
    {
        var errors = Validate(cmd, clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0) return Result<PackRow>.Invalid("The grant is incomplete; see the fields.", errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == cmd.AccountId, ct)) return Result<PackRow>.NotFound("The account does not exist.");
        var spec = await db.PackSpecs.AsNoTracking().FirstOrDefaultAsync(s => s.SpecId == cmd.SpecId!.Trim(), ct);
        if (spec is null) return Result<PackRow>.Invalid("specId", $"There is no pack spec '{cmd.SpecId}'.");
        var type = await db.PackTypes.AsNoTracking().FirstAsync(t => t.Code == spec.PackTypeCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var created = ResourcePack.Create(cmd.AccountId, type, spec, PackOrigin.Granted, now, calendar,
            cmd.EffectiveAtUtc, cmd.ExpiresAtUtc, cmd.Reason, cmd.GrantedBy);
        if (!created.IsOk) return created.Cast<PackRow>();
        db.ResourcePacks.Add(created.Value!);
        audit.Add(db, "pack.grant", $"pack {created.Value!.Id}",
            $"{spec.SpecId} {cmd.EffectiveAtUtc:o}..{cmd.ExpiresAtUtc:o} by {cmd.GrantedBy}: {cmd.Reason}", cmd.AccountId);
        await db.SaveChangesAsync(ct);
        alerts.AfterPackChange(created.Value!.AccountId, QuotaAlertTrigger.Purchase); // SPEC A1, A2: held and re-armed
        logger.LogInformation(
            "GrantPack: {GrantedBy} granted pack {PackId} ({SpecId}) to account {AccountId}, {EffectiveAt:o} to {ExpiresAt:o}: {Reason}",
            cmd.GrantedBy, created.Value!.Id, spec.SpecId, cmd.AccountId, cmd.EffectiveAtUtc, cmd.ExpiresAtUtc, cmd.Reason);
        return Result<PackRow>.Ok(PackViews.ToRow(created.Value!, type.NameEn, now, calendar));
    }

    /// <summary>A grant lasts at most this long and starts at most this far from now (issue #16: a sane window).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(3653);

    private static Dictionary<string, ResultMessage[]> Validate(GrantPackCommand cmd, DateTime nowUtc)
    {
        var errors = new Dictionary<string, ResultMessage[]>();
        if (string.IsNullOrWhiteSpace(cmd.SpecId)) errors["specId"] = ["Choose a pack spec."];
        if (cmd.EffectiveAtUtc is null) errors["effectiveAt"] = ["Give the time the pack takes effect."];
        if (cmd.ExpiresAtUtc is null) errors["expiresAt"] = ["Give the time the pack expires."];
        else if (cmd.EffectiveAtUtc is { } from && cmd.ExpiresAtUtc <= from) errors["expiresAt"] = ["The expiry must be after the effective time."];
        else if (cmd.EffectiveAtUtc is { } start && cmd.ExpiresAtUtc - start > MaxWindow) errors["expiresAt"] = ["A grant lasts at most 10 years."];
        if (cmd.EffectiveAtUtc is { } effective && (effective < nowUtc - MaxWindow || effective > nowUtc + MaxWindow))
        {
            errors["effectiveAt"] = ["The effective time must be within 10 years of today."];
        }
        if (string.IsNullOrWhiteSpace(cmd.Reason)) errors["reason"] = ["Give a reason for the grant."];
        else if (cmd.Reason.Trim().Length > MaxReasonLength) errors["reason"] = [$"The reason is at most {MaxReasonLength} characters."];
        return errors;
    }
}
