using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Accounts;

public sealed record CreateApiKeyCommand(Guid AccountId, string? Name, string? CreatedByUserId);

/// <summary>The new key; <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiKey(Guid KeyId, string Name, string DisplayPrefix, string Secret);

public sealed record ApiKeyRow(Guid KeyId, string Name, string DisplayPrefix, DateTime CreatedAtUtc, DateTime? RevokedAtUtc);

/// <summary>SPEC I5: create, list and revoke an account's API keys.</summary>
public sealed class ApiKeysHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<Result<CreatedApiKey>> CreateAsync(CreateApiKeyCommand cmd, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<CreatedApiKey>("creating an API key") is { } refused) return refused;
        if (cmd.Name is { Length: > MaxNameLength })
        {
            return Result<CreatedApiKey>.Invalid("name", $"The key name is at most {MaxNameLength} characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == cmd.AccountId, ct))
        {
            return Result<CreatedApiKey>.NotFound("The account does not exist.");
        }
        var (key, secret) = ApiKey.Create(cmd.AccountId, cmd.Name, clock.GetUtcNow().UtcDateTime, cmd.CreatedByUserId);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Result<CreatedApiKey>.Ok(new CreatedApiKey(key.Id, key.Name, key.DisplayPrefix, secret));
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId)
            .OrderByDescending(k => k.CreatedAtUtc)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.DisplayPrefix, k.CreatedAtUtc, k.RevokedAtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Revokes a key of the given account; another account's key id is "not found" (SPEC I2).</summary>
    public async Task<Result<ApiKeyRow>> RevokeAsync(Guid accountId, Guid keyId, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<ApiKeyRow>("revoking an API key") is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.AccountId == accountId, ct);
        if (key is null) return Result<ApiKeyRow>.NotFound("No such API key.");
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Result<ApiKeyRow>.Ok(new ApiKeyRow(key.Id, key.Name, key.DisplayPrefix, key.CreatedAtUtc, key.RevokedAtUtc));
    }
}
