using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class RechargeConfiguration : IEntityTypeConfiguration<Recharge>
{
    public void Configure(EntityTypeBuilder<Recharge> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Method).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.GatewayTradeNo).HasMaxLength(64);
        b.Property(r => r.PaidThrough).HasMaxLength(32);
        b.Property(r => r.ConfirmedByUserId).HasMaxLength(450);
        // Guards pending → succeeded/cancelled: of two racing notifications only one commits the transition.
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.AccountId, r.CreatedAtUtc });
        b.HasIndex(r => new { r.Status, r.Method });
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.Amount);
        b.Ignore(r => r.CreditedAmount);
        b.Ignore(r => r.LedgerKey);
    }
}

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(w => w.RequestedByUserId).HasMaxLength(450);
        b.Property(w => w.DecidedByUserId).HasMaxLength(450);
        b.Property(w => w.DecisionNote).HasMaxLength(500);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => new { w.AccountId, w.RequestedAtUtc });
        b.HasIndex(w => w.Status);
        b.HasOne<Account>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.Lines).WithOne().HasForeignKey(l => l.WithdrawalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(w => w.Lines).HasField("lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(w => w.Amount);
        b.Ignore(w => w.HoldLedgerKey);
        b.Ignore(w => w.ReturnLedgerKey);
    }
}

internal sealed class WithdrawalLineConfiguration : IEntityTypeConfiguration<WithdrawalLine>
{
    public void Configure(EntityTypeBuilder<WithdrawalLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Route).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(l => l.RechargeId);
        b.Ignore(l => l.Amount);
    }
}
