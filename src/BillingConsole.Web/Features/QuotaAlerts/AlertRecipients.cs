using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>Who gets an account's alert e-mails (SPEC A5): its alert contacts, or by default its owner.</summary>
internal static class AlertRecipients
{
    public static async Task<IReadOnlyList<string>> ResolveAsync(BillingDbContext db, Guid accountId,
        CancellationToken ct)
    {
        var contacts = await db.AlertContacts.AsNoTracking().Where(c => c.AccountId == accountId)
            .OrderBy(c => c.CreatedAtUtc).Select(c => c.Email).ToListAsync(ct);
        if (contacts.Count > 0) return contacts;
        var owners = await OwnerEmailsAsync(db, accountId, ct);
        return owners;
    }

    public static async Task<List<string>> OwnerEmailsAsync(BillingDbContext db, Guid accountId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.AccountId == accountId && u.Email != null)
            .Select(u => u.Email!).ToListAsync(ct);
}
