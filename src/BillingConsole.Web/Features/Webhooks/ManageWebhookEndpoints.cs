using System.Net;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Webhooks;

public sealed record CreateWebhookEndpoint(Guid AccountId, string? Url, IReadOnlyList<string>? EventTypes, string? Description);

/// <summary>An endpoint as listed (never its secret).</summary>
public sealed record WebhookEndpointRow(Guid EndpointId, string Url, IReadOnlyList<string> EventTypes, string? Description,
    bool Enabled, string? DisabledReason, DateTime CreatedAtUtc, DateTime? PreviousSecretExpiresAtUtc);

/// <summary>A new endpoint or a rotated secret: <see cref="Secret"/> is shown once.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpointRow Endpoint, string Secret);

/// <summary>
/// SPEC F5 endpoint management: add (the secret shown once), list, delete, rotate the secret (the old one signs too for
/// 24 hours), disable and enable. Every change is audited; an impersonating support user changes nothing (SPEC I3).
/// </summary>
public sealed class ManageWebhookEndpointsHandler(IDbContextFactory<BillingDbContext> dbFactory, WebhookSecrets secrets,
    IOptions<WebhookOptions> options, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<WebhookEndpointWithSecret>> CreateAsync(CreateWebhookEndpoint cmd, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<WebhookEndpointWithSecret>("adding a webhook endpoint") is { } refused) return refused;
        if (ValidateUrl(cmd.Url, options.Value.AllowPrivateTargets) is { } urlError)
        {
            return Result<WebhookEndpointWithSecret>.Invalid("url", urlError);
        }
        var types = (cmd.EventTypes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (types.Count == 0)
        {
            return Result<WebhookEndpointWithSecret>.Invalid("eventTypes", "Choose at least one event type, or * for all.");
        }
        var unknown = types.FirstOrDefault(t => t != WebhookEventTypes.All && !WebhookEventTypes.IsKnown(t));
        if (unknown is not null)
        {
            return Result<WebhookEndpointWithSecret>.Invalid("eventTypes", $"Unknown event type {unknown}.");
        }
        if (cmd.Description is { Length: > WebhookEndpoint.DescriptionMaxLength })
        {
            return Result<WebhookEndpointWithSecret>.Invalid("description", "The description is at most 200 characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.WebhookEndpoints.CountAsync(e => e.AccountId == cmd.AccountId, ct) >= WebhookEndpoint.MaxPerAccount)
        {
            return Result<WebhookEndpointWithSecret>.Conflict($"An account has at most {WebhookEndpoint.MaxPerAccount} webhook endpoints.");
        }
        var (secret, protectedSecret) = secrets.New();
        var endpoint = WebhookEndpoint.Create(cmd.AccountId, cmd.Url!.Trim(), types, cmd.Description, protectedSecret,
            clock.GetUtcNow().UtcDateTime);
        db.WebhookEndpoints.Add(endpoint);
        audit.Add(db, "webhook.endpoint.created", endpoint.Id.ToString(), $"{endpoint.Url} [{endpoint.EventTypes}]", cmd.AccountId);
        await db.SaveChangesAsync(ct);
        return Result<WebhookEndpointWithSecret>.Ok(new(ToRow(endpoint), secret));
    }

    public async Task<IReadOnlyList<WebhookEndpointRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WebhookEndpoints.AsNoTracking().Where(e => e.AccountId == accountId).ToListAsync(ct);
        return rows.OrderBy(e => e.CreatedAtUtc).Select(ToRow).ToList();
    }

    public async Task<Result<WebhookEndpointRow>> DeleteAsync(Guid accountId, Guid endpointId, CancellationToken ct) =>
        await ChangeAsync(accountId, endpointId, "deleting a webhook endpoint", "webhook.endpoint.deleted",
            (db, e) => db.WebhookEndpoints.Remove(e), ct);

    public async Task<Result<WebhookEndpointRow>> SetEnabledAsync(Guid accountId, Guid endpointId, bool enabled,
        CancellationToken ct) =>
        await ChangeAsync(accountId, endpointId, enabled ? "enabling a webhook endpoint" : "disabling a webhook endpoint",
            enabled ? "webhook.endpoint.enabled" : "webhook.endpoint.disabled",
            (_, e) => { if (enabled) e.Enable(); else e.Disable("Disabled by the account."); }, ct);

    public async Task<Result<WebhookEndpointWithSecret>> RotateAsync(Guid accountId, Guid endpointId, CancellationToken ct)
    {
        var (secret, protectedSecret) = secrets.New();
        var rotated = await ChangeAsync(accountId, endpointId, "rotating a webhook secret", "webhook.endpoint.secret_rotated",
            (_, e) => e.Rotate(protectedSecret, clock.GetUtcNow().UtcDateTime), ct);
        return rotated.IsOk
            ? Result<WebhookEndpointWithSecret>.Ok(new(rotated.Value!, secret))
            : rotated.Cast<WebhookEndpointWithSecret>();
    }

    private async Task<Result<WebhookEndpointRow>> ChangeAsync(Guid accountId, Guid endpointId, string what, string action,
        Action<BillingDbContext, WebhookEndpoint> change, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<WebhookEndpointRow>(what) is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.AccountId == accountId, ct);
        if (endpoint is null) return Result<WebhookEndpointRow>.NotFound("No such webhook endpoint.");
        change(db, endpoint);
        audit.Add(db, action, endpoint.Id.ToString(), endpoint.Url, accountId);
        await db.SaveChangesAsync(ct);
        return Result<WebhookEndpointRow>.Ok(ToRow(endpoint));
    }

    /// <summary>An absolute http(s) URL without credentials; a literal private address only when allowed.</summary>
    public static string? ValidateUrl(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url)) return "Enter the URL that receives the events.";
        if (url.Length > WebhookEndpoint.UrlMaxLength) return "The URL is at most 2000 characters.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Enter an absolute http:// or https:// URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "The URL may not contain a user name or password.";
        if (!allowPrivate && (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && !OutboundAddressPolicy.IsPublic(ip))))
        {
            return "Loopback, link-local and private addresses are not allowed as webhook targets.";
        }
        return null;
    }

    public static WebhookEndpointRow ToRow(WebhookEndpoint e) => new(e.Id, e.Url, e.EventTypeList, e.Description,
        e.Enabled, e.DisabledReason, e.CreatedAtUtc, e.PreviousSecretExpiresAtUtc);
}
