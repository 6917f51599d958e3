using System.Security.Cryptography;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace BillingConsole.Web.Features.Accounts;

public sealed record OpenAccountCommand(string Name, string OwnerEmail, string OwnerPassword);

public sealed record OpenedAccount(Guid AccountId, string OwnerUserId, string OwnerEmail);

/// <summary>Creates an account and its owner user in one transaction (registration and the admin API).</summary>
public sealed class OpenAccountHandler(BillingDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<Result<OpenedAccount>> HandleAsync(OpenAccountCommand cmd, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cmd.Name) || cmd.Name.Trim().Length > 200)
        {
            return Result<OpenedAccount>.Invalid("name", "The account name is required (at most 200 characters).");
        }
        if (await users.FindByEmailAsync(cmd.OwnerEmail) is not null)
        {
            return Result<OpenedAccount>.Conflict($"A user with the e-mail {cmd.OwnerEmail} already exists.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = Account.Open(cmd.Name, NewRemittanceCode(), clock.GetUtcNow().UtcDateTime);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);

        var user = new ApplicationUser { UserName = cmd.OwnerEmail, Email = cmd.OwnerEmail, AccountId = account.Id };
        var created = await users.CreateAsync(user, cmd.OwnerPassword);
        if (!created.Succeeded)
        {
            var errors = created.Errors.Select(e => e.Description).ToArray();
            return Result<OpenedAccount>.Invalid(string.Join(" ", errors),
                new Dictionary<string, string[]> { ["ownerPassword"] = errors });
        }
        await users.AddToRoleAsync(user, Roles.Owner);
        await tx.CommitAsync(ct);
        return Result<OpenedAccount>.Ok(new OpenedAccount(account.Id, user.Id, cmd.OwnerEmail));
    }

    /// <summary>"BC" and 8 characters without look-alikes (0/O, 1/I), easy to type into a bank transfer note.</summary>
    internal static string NewRemittanceCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "BC" + RandomNumberGenerator.GetString(alphabet, 8);
    }
}
