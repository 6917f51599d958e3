using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BillingConsole.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The server-side half of SPEC I3 that no handler can forget: while the ambient actor impersonates, any write is
/// refused, except inserting audit rows and ending the impersonation itself. It also appends an audit row for every
/// new ledger entry, so money movements are always audited, whoever (or whichever job) posted them.
/// </summary>
public sealed class ReadOnlyImpersonationInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is null) return;
        var actor = ActorContext.Current;
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (actor is { IsImpersonating: true })
        {
            var refused = changes.FirstOrDefault(e => !IsAllowedWhileImpersonating(e));
            if (refused is not null) throw new ReadOnlyImpersonationException(Describe(refused));
        }
        foreach (var entry in changes.Where(e => e is { State: EntityState.Added, Entity: LedgerEntry }))
        {
            context.Add(LedgerAudit.For((LedgerEntry)entry.Entity, actor ?? BillingActor.System, clock.GetUtcNow().UtcDateTime));
        }
    }

    private static bool IsAllowedWhileImpersonating(EntityEntry entry) => entry.Entity switch
    {
        AuditEvent => entry.State == EntityState.Added,
        // Ending the session is the one change the impersonating user must be able to make.
        ImpersonationSession => entry.State == EntityState.Modified,
        // The staff member's own sign-in bookkeeping (lockout counters, stamps), never the customer's data.
        IdentityUserLogin<string> or IdentityUserToken<string> => true,
        ApplicationUser => entry.State == EntityState.Modified,
        _ => false,
    };

    private static string Describe(EntityEntry entry) => entry.Metadata.ClrType.Name switch
    {
        "ApiKey" => "API key changes",
        "LedgerEntry" or "Account" => "balance changes",
        "ResourcePack" => "resource pack changes",
        var name => $"{name} changes",
    };
}
