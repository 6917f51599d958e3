using BillingConsole.Domain.Common;
using BillingConsole.Domain.Notifications;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Notifications;

/// <summary>An alert contact; <see cref="IsDefault"/> marks the owner shown while the account has no contacts.</summary>
public sealed record AlertContactRow(Guid? ContactId, string Email, string? Name, bool IsDefault);

/// <summary>Settings › alert contacts (SPEC A5): who gets alert e-mails; by default the owner.</summary>
public sealed class AlertContactsHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertContactRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = await db.AlertContacts.AsNoTracking().Where(c => c.AccountId == accountId)
            .OrderBy(c => c.CreatedAtUtc).ToListAsync(ct);
        if (contacts.Count > 0) return contacts.Select(c => new AlertContactRow(c.Id, c.Email, c.Name, false)).ToList();
        var owners = await AlertRecipients.OwnerEmailsAsync(db, accountId, ct);
        return owners.Select(e => new AlertContactRow(null, e, "Owner 账号所有者", true)).ToList();
    }

    public async Task<Result<AlertContactRow>> AddAsync(Guid accountId, string? email, string? name,
        CancellationToken ct)
    {
        var address = email?.Trim() ?? string.Empty;
        if (address.Length == 0 || address.Length > AlertContact.EmailMaxLength
            || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return Result<AlertContactRow>.Invalid("email", "Enter a valid e-mail address, e.g. ops@example.com.");
        }
        if (name?.Trim().Length > AlertContact.NameMaxLength)
        {
            return Result<AlertContactRow>.Invalid("name", $"The name can have at most {AlertContact.NameMaxLength} characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.AlertContacts.Where(c => c.AccountId == accountId).Select(c => c.Email).ToListAsync(ct);
        var contact = AlertContact.Create(accountId, address, name, clock.GetUtcNow().UtcDateTime);
        if (existing.Contains(contact.Email))
        {
            return Result<AlertContactRow>.Invalid("email", $"{contact.Email} is already an alert contact.");
        }
        if (existing.Count >= AlertContact.MaxPerAccount)
        {
            return Result<AlertContactRow>.Invalid("email", $"An account can have at most {AlertContact.MaxPerAccount} alert contacts.");
        }
        db.AlertContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return Result<AlertContactRow>.Ok(new AlertContactRow(contact.Id, contact.Email, contact.Name, false));
    }

    public async Task<bool> RemoveAsync(Guid accountId, Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertContacts.Where(c => c.AccountId == accountId && c.Id == contactId).ExecuteDeleteAsync(ct) > 0;
    }
}
