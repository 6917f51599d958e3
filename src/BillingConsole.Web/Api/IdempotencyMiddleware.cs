using System.Security.Cryptography;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Api;

/// <summary>
/// API.md "Idempotency": a POST with an <c>Idempotency-Key</c> runs once. The key is claimed by inserting a row
/// (unique per caller and key) before the endpoint runs, so two concurrent retries cannot both run it; the first
/// answer is stored and replayed for 24 hours; the same key with another body is a 409.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IDbContextFactory<BillingDbContext> dbFactory,
    TimeProvider clock)
{
    private const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api/v1")
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > 255)
        {
            await ApiProblems.WriteAsync(context, 400, "Idempotency-Key must be 1 to 255 characters.");
            return;
        }
        if (values.Count > 1 || key.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            await ApiProblems.WriteAsync(context, 400, "Idempotency-Key must be one value of printable ASCII characters.");
            return;
        }
        var scope = Scope(context);
        if (scope is null)
        {
            await next(context); // unauthenticated: the endpoint answers 401 and nothing is done
            return;
        }
        context.Request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(context.Request.Body, context.RequestAborted));
        context.Request.Body.Position = 0;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var existing = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
        if (existing is not null && existing.CreatedAtUtc < now - Retention)
        {
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(context.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            await ReplayAsync(context, existing, hash);
            return;
        }
        var claim = IdempotencyRecord.Create(scope, key, hash, 0, "", "", now);
        db.IdempotencyRecords.Add(claim);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await ApiProblems.WriteAsync(context, 409, "A request with this Idempotency-Key is in progress; retry later.");
            return;
        }
        await RunAndStoreAsync(context, db, claim.Id);
    }

    private async Task RunAndStoreAsync(HttpContext context, BillingDbContext db, long claimId)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await db.IdempotencyRecords.Where(r => r.Id == claimId).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        if (context.Response.StatusCode >= 500)
        {
            // A server fault did not happen "once": let the retry run again.
            await db.IdempotencyRecords.Where(r => r.Id == claimId).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            await db.IdempotencyRecords.Where(r => r.Id == claimId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.StatusCode, context.Response.StatusCode)
                .SetProperty(r => r.ContentType, context.Response.ContentType ?? "application/json")
                .SetProperty(r => r.ResponseBody, body), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            await ApiProblems.WriteAsync(context, 409, "This Idempotency-Key was used with a different request body.");
            return;
        }
        if (record.StatusCode == 0)
        {
            await ApiProblems.WriteAsync(context, 409, "A request with this Idempotency-Key is in progress; retry later.");
            return;
        }
        context.Response.StatusCode = record.StatusCode;
        context.Response.ContentType = record.ContentType;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.WriteAsync(record.ResponseBody, context.RequestAborted);
    }

    private static string? Scope(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        var who = user.FindFirst(BillingClaims.AccountId)?.Value is { } account ? "account:" + account
            : user.IsInRole(Roles.Admin) ? "admin" : "user:" + user.Identity.Name;
        return who + " " + context.Request.Path.Value;
    }
}
