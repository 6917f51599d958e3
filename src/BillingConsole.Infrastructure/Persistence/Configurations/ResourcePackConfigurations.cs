using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.ResourcePacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class ResourcePackConfiguration : IEntityTypeConfiguration<ResourcePack>
{
    public void Configure(EntityTypeBuilder<ResourcePack> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.PackTypeCode).HasMaxLength(64);
        b.Property(p => p.SpecId).HasMaxLength(64);
        b.Property(p => p.Cycle).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Origin).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.GrantReason).HasMaxLength(500);
        b.Property(p => p.GrantedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.AccountId, p.PackTypeCode });
        b.HasIndex(p => new { p.Status, p.ExpiresAtUtc });
        // SPEC P2 exactly-once: a second trial of a type, even from a racing request, fails on this key.
        b.HasIndex(p => new { p.AccountId, p.PackTypeCode }, "IX_ResourcePacks_OneTrialPerType").IsUnique()
            .HasFilter("\"Origin\" = 'Trial'");
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.IsCyclic);
        b.Ignore(p => p.Paid);
    }
}

internal sealed class PackDeductionRecordConfiguration : IEntityTypeConfiguration<PackDeductionRecord>
{
    public void Configure(EntityTypeBuilder<PackDeductionRecord> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.MeterCode).HasMaxLength(64);
        b.HasIndex(d => new { d.AccountId, d.DeductedAtUtc });
        b.HasIndex(d => new { d.PackId, d.PeriodStartUtc });
        b.HasIndex(d => d.BillId);
    }
}

internal sealed class DeviceLicenceConfiguration : IEntityTypeConfiguration<DeviceLicence>
{
    public void Configure(EntityTypeBuilder<DeviceLicence> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.DeviceId).HasMaxLength(64);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => l.AccountId);
        // A device holds at most one licence per account.
        b.HasIndex(l => new { l.AccountId, l.DeviceId }).IsUnique().HasFilter("\"DeviceId\" IS NOT NULL");
        // SPEC P13: two free test licences per account, decided by the database under concurrency.
        b.HasIndex(l => new { l.AccountId, l.TestSlot }).IsUnique().HasFilter("\"TestSlot\" IS NOT NULL");
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
