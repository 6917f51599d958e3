using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.DisplayPrefix).HasMaxLength(16);
        b.Property(k => k.HashHex).HasMaxLength(64);
        b.Property(k => k.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(k => k.HashHex).IsUnique();
        b.HasIndex(k => k.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(k => k.IsActive);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Scope).HasMaxLength(200);
        b.Property(r => r.Key).HasMaxLength(255);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAtUtc);
    }
}
