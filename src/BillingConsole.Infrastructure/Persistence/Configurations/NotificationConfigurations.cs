using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.Property(n => n.Kind).HasMaxLength(32);
        b.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        b.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        b.Property(n => n.PackTypeCode).HasMaxLength(64);
        b.Property(n => n.Trigger).HasMaxLength(32);
        b.HasIndex(n => new { n.AccountId, n.CreatedAtUtc });
        b.HasIndex(n => new { n.AccountId, n.ReadAtUtc });
        b.Ignore(n => n.IsRead);
        b.Ignore(n => n.RatioPercent);
        b.HasOne<Account>().WithMany().HasForeignKey(n => n.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AlertContactConfiguration : IEntityTypeConfiguration<AlertContact>
{
    public void Configure(EntityTypeBuilder<AlertContact> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Email).HasMaxLength(AlertContact.EmailMaxLength);
        b.Property(c => c.Name).HasMaxLength(AlertContact.NameMaxLength);
        b.HasIndex(c => new { c.AccountId, c.Email }).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.To).HasMaxLength(AlertContact.EmailMaxLength);
        b.Property(e => e.Subject).HasMaxLength(Notification.TitleMaxLength);
        b.Property(e => e.Body).HasMaxLength(4000);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.Property(e => e.AttachmentFileName).HasMaxLength(200);
        b.Property(e => e.AttachmentContent).HasMaxLength(5 * 1024 * 1024);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        b.HasOne<Notification>().WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.Restrict);
    }
}
