using BillingConsole.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.RemittanceCode).HasMaxLength(32);
        b.HasIndex(a => a.RemittanceCode).IsUnique();
        b.HasIndex(a => a.Status);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Balance);
    }
}
