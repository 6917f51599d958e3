using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class GatewayEventConfiguration : IEntityTypeConfiguration<GatewayEvent>
{
    public void Configure(EntityTypeBuilder<GatewayEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Gateway).HasMaxLength(32);
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Outcome).HasMaxLength(32);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.Parameters).HasMaxLength(GatewayEvent.MaxParametersLength);
        b.HasIndex(e => new { e.RechargeId, e.AtUtc });
        b.HasIndex(e => new { e.WithdrawalId, e.AtUtc });
        b.HasIndex(e => e.AtUtc);
    }
}

internal sealed class GatewayRefundConfiguration : IEntityTypeConfiguration<GatewayRefund>
{
    public void Configure(EntityTypeBuilder<GatewayRefund> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.OutRequestNo).HasMaxLength(64);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.LastError).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        // One refund per withdrawal line, whatever races: the second insert fails.
        b.HasIndex(r => r.WithdrawalLineId).IsUnique();
        b.HasIndex(r => r.OutRequestNo).IsUnique();
        b.HasIndex(r => new { r.Status, r.CreatedAtUtc });
        b.HasIndex(r => r.RechargeId);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Withdrawal>().WithMany().HasForeignKey(r => r.WithdrawalId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.Amount);
    }
}
