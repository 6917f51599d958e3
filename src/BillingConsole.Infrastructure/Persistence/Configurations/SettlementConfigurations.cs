using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class BillConfiguration : IEntityTypeConfiguration<Bill>
{
    public void Configure(EntityTypeBuilder<Bill> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        // SPEC B4: one bill per (account, day). A second run, a second node or a resumed run loses on this key.
        b.HasIndex(x => new { x.AccountId, x.UsageDay }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.Status, x.UsageDay });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.BillId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(x => x.Gross);
        b.Ignore(x => x.RoundDownDiscount);
        b.Ignore(x => x.Payable);
        b.Ignore(x => x.Outstanding);
    }
}

internal sealed class IssuedBillLineConfiguration : IEntityTypeConfiguration<IssuedBillLine>
{
    public void Configure(EntityTypeBuilder<IssuedBillLine> b)
    {
        b.ToTable("BillLines");
        b.HasKey(x => x.Id);
        b.Property(x => x.MeterCode).HasMaxLength(64);
        b.HasIndex(x => new { x.BillId, x.MeterCode, x.UsageDay }).IsUnique();
        b.Ignore(x => x.UnitPrice);
        b.Ignore(x => x.Gross);
        b.Ignore(x => x.Payable);
        b.Ignore(x => x.RoundDownDiscount);
    }
}

internal sealed class SettlementRunConfiguration : IEntityTypeConfiguration<SettlementRun>
{
    public void Configure(EntityTypeBuilder<SettlementRun> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Summary).HasMaxLength(500);
        b.HasIndex(x => x.StartedAtUtc);
    }
}
