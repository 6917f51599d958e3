using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Reference).HasMaxLength(128);
        b.Property(e => e.IdempotencyKey).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(500);
        // Exactly once: one entry per business event, and one entry per (account, sequence) so two writers that
        // read the same balance cannot both append.
        b.HasIndex(e => e.IdempotencyKey).IsUnique();
        b.HasIndex(e => new { e.AccountId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.AccountId, e.CreatedAtUtc });
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.Amount);
        b.Ignore(e => e.BalanceAfter);
    }
}
