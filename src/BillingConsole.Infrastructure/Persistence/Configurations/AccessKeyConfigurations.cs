using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.AccessKeyId).HasMaxLength(64);
        b.Property(k => k.Name).HasMaxLength(AccessKey.MaxNameLength);
        b.Property(k => k.ProtectedSecret).HasMaxLength(1000);
        b.Property(k => k.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(k => k.AccessKeyId).IsUnique();
        b.HasIndex(k => k.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(k => k.IsActive);
    }
}

internal sealed class AccessKeyNonceConfiguration : IEntityTypeConfiguration<AccessKeyNonce>
{
    public void Configure(EntityTypeBuilder<AccessKeyNonce> b)
    {
        b.HasKey(n => new { n.AccessKeyId, n.Nonce });
        b.Property(n => n.AccessKeyId).HasMaxLength(64);
        b.Property(n => n.Nonce).HasMaxLength(AccessKeyNonce.MaxNonceLength);
        b.HasIndex(n => n.ExpiresAtUtc);
    }
}
