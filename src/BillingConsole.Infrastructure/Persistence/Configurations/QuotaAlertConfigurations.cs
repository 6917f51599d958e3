using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class QuotaAlertSettingConfiguration : IEntityTypeConfiguration<QuotaAlertSetting>
{
    public void Configure(EntityTypeBuilder<QuotaAlertSetting> b)
    {
        b.HasKey(s => new { s.AccountId, s.PackTypeCode });
        b.Property(s => s.PackTypeCode).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LowBalanceAlertRuleConfiguration : IEntityTypeConfiguration<LowBalanceAlertRule>
{
    public void Configure(EntityTypeBuilder<LowBalanceAlertRule> b)
    {
        b.HasKey(r => r.AccountId);
        // Money as whole ten-thousandths of a yuan (ADR-001).
        b.Property(r => r.Threshold).HasConversion(m => m.Units, u => Money.FromUnits(u)).HasColumnName("ThresholdUnits");
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AlertOccurrenceConfiguration : IEntityTypeConfiguration<AlertOccurrence>
{
    public void Configure(EntityTypeBuilder<AlertOccurrence> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.OccurrenceKey).HasMaxLength(160);
        // Once-only alerts (SPEC A4, A6, J2): a second insert of the same key is another run's alert.
        b.HasIndex(o => o.OccurrenceKey).IsUnique();
        b.HasIndex(o => o.AccountId);
        b.Property(o => o.Kind).HasMaxLength(32);
        b.Property(o => o.PackTypeCode).HasMaxLength(64);
        b.Property(o => o.Trigger).HasMaxLength(32);
        b.Ignore(o => o.RatioPercent);
        b.Ignore(o => o.Balance);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
