using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

public sealed record SaveInvoiceTitleCommand(Guid AccountId, Guid? TitleId, InvoiceTitleFields Fields, bool MakeDefault);

/// <summary>
/// SPEC V1: several titles per account, exactly one default once there is any. Saving claims the invoicing row
/// (<see cref="InvoicingLock"/>), so two saves that both make a title the default cannot leave two defaults.
/// </summary>
public sealed class InvoiceTitlesHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxTitles = 20;

    public async Task<IReadOnlyList<InvoiceTitleRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var titles = await db.InvoiceTitles.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(ct);
        return titles.OrderByDescending(t => t.IsDefault).ThenBy(t => t.CreatedAtUtc).Select(InvoiceTitleRow.From).ToList();
    }

    public Task<Result<InvoiceTitleRow>> SaveAsync(SaveInvoiceTitleCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var now = clock.GetUtcNow().UtcDateTime;
            if (!await db.Accounts.AnyAsync(a => a.Id == cmd.AccountId, attemptCt)) return Result<InvoiceTitleRow>.NotFound("The account does not exist.");
            await InvoicingLock.ClaimAsync(db, cmd.AccountId, now, attemptCt);
            var titles = await db.InvoiceTitles.Where(t => t.AccountId == cmd.AccountId).ToListAsync(attemptCt);
            InvoiceTitle title;
            if (cmd.TitleId is { } id)
            {
                var existing = titles.FirstOrDefault(t => t.Id == id);
                if (existing is null) return Result<InvoiceTitleRow>.NotFound("No such invoice title on this account.");
                var changed = existing.Change(cmd.Fields, now);
                if (!changed.IsOk) return changed.Cast<InvoiceTitleRow>();
                title = existing;
            }
            else
            {
                if (titles.Count >= MaxTitles) return Result<InvoiceTitleRow>.Conflict($"An account keeps at most {MaxTitles} invoice titles.");
                var created = InvoiceTitle.Create(cmd.AccountId, cmd.Fields, isDefault: false, now);
                if (!created.IsOk) return created.Cast<InvoiceTitleRow>();
                title = created.Value!;
                db.InvoiceTitles.Add(title);
                titles.Add(title);
            }
            if (cmd.MakeDefault || !titles.Any(t => t.IsDefault))
            {
                foreach (var t in titles) t.SetDefault(t.Id == title.Id, now);
            }
            await db.SaveChangesAsync(attemptCt);
            return Result<InvoiceTitleRow>.Ok(InvoiceTitleRow.From(title));
        }, ct, attempts: 20);
}
