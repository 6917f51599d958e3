using BillingConsole.Domain.Common;
using BillingConsole.Domain.OpenApi;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

public sealed record CreateAccessKeyCommand(Guid AccountId, string? Name, string? CreatedByUserId);

/// <summary>The new pair; <see cref="AccessKeySecret"/> is returned only here.</summary>
public sealed record CreatedAccessKey(string AccessKeyId, string Name, string AccessKeySecret);

public sealed record AccessKeyRow(string AccessKeyId, string Name, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc,
    DateTime? DisabledAtUtc);

/// <summary>
/// Issue #18: an account's AccessKey pairs (create, list, disable, enable, delete). Every change is audited and refused
/// while support impersonates (SPEC I3); a list never carries a secret.
/// </summary>
public sealed class AccessKeysHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    AccessKeySecrets secrets, AuditLog audit)
{
    /// <summary>Pairs an account may hold at once (Alibaba allows two per user; a console account gets a few more).</summary>
    public const int MaxKeysPerAccount = 5;

    public async Task<Result<CreatedAccessKey>> CreateAsync(CreateAccessKeyCommand cmd, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<CreatedAccessKey>("creating an AccessKey") is { } refused) return refused;
        if (cmd.Name is { Length: > AccessKey.MaxNameLength })
        {
            return Result<CreatedAccessKey>.Invalid("name", $"The AccessKey name is at most {AccessKey.MaxNameLength} characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == cmd.AccountId, ct))
        {
            return Result<CreatedAccessKey>.NotFound("The account does not exist.");
        }
        if (await db.AccessKeys.CountAsync(k => k.AccountId == cmd.AccountId, ct) >= MaxKeysPerAccount)
        {
            return Result<CreatedAccessKey>.Conflict(
                $"An account holds at most {MaxKeysPerAccount} AccessKeys; delete one you no longer use first.");
        }
        var (key, secret) = AccessKey.Create(cmd.AccountId, cmd.Name, clock.GetUtcNow().UtcDateTime, cmd.CreatedByUserId,
            secrets.Protect);
        db.AccessKeys.Add(key);
        audit.Add(db, "access-key.create", $"access key {key.AccessKeyId}", key.Name, cmd.AccountId);
        await db.SaveChangesAsync(ct);
        return Result<CreatedAccessKey>.Ok(new CreatedAccessKey(key.AccessKeyId, key.Name, secret));
    }

    public async Task<IReadOnlyList<AccessKeyRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.AccessKeys.AsNoTracking().Where(k => k.AccountId == accountId).ToListAsync(ct);
        return keys.OrderByDescending(k => k.CreatedAtUtc)
            .Select(k => new AccessKeyRow(k.AccessKeyId, k.Name, k.CreatedAtUtc, k.LastUsedAtUtc, k.DisabledAtUtc))
            .ToList();
    }

    public Task<Result<AccessKeyRow>> DisableAsync(Guid accountId, string accessKeyId, CancellationToken ct) =>
        ChangeAsync(accountId, accessKeyId, "disabling an AccessKey", "access-key.disable", k => k.Disable(Now), ct);

    public Task<Result<AccessKeyRow>> EnableAsync(Guid accountId, string accessKeyId, CancellationToken ct) =>
        ChangeAsync(accountId, accessKeyId, "enabling an AccessKey", "access-key.enable", k => k.Enable(), ct);

    /// <summary>Deletes a pair of the given account; another account's id is "not found" (SPEC I2).</summary>
    public async Task<Result<AccessKeyRow>> DeleteAsync(Guid accountId, string accessKeyId, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<AccessKeyRow>("deleting an AccessKey") is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.AccessKeys.FirstOrDefaultAsync(k => k.AccessKeyId == accessKeyId && k.AccountId == accountId, ct);
        if (key is null) return Result<AccessKeyRow>.NotFound("No such AccessKey.");
        db.AccessKeys.Remove(key);
        audit.Add(db, "access-key.delete", $"access key {key.AccessKeyId}", key.Name, accountId);
        await db.SaveChangesAsync(ct);
        return Result<AccessKeyRow>.Ok(ToRow(key));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Result<AccessKeyRow>> ChangeAsync(Guid accountId, string accessKeyId, string what, string action,
        Func<AccessKey, bool> change, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<AccessKeyRow>(what) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.AccessKeys.FirstOrDefaultAsync(k => k.AccessKeyId == accessKeyId && k.AccountId == accountId, ct);
        if (key is null) return Result<AccessKeyRow>.NotFound("No such AccessKey.");
        if (change(key))
        {
            audit.Add(db, action, $"access key {key.AccessKeyId}", key.Name, accountId);
            await db.SaveChangesAsync(ct);
        }
        return Result<AccessKeyRow>.Ok(ToRow(key));
    }

    private static AccessKeyRow ToRow(AccessKey k) => new(k.AccessKeyId, k.Name, k.CreatedAtUtc, k.LastUsedAtUtc, k.DisabledAtUtc);
}
