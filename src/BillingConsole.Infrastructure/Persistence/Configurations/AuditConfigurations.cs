using BillingConsole.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorEmail).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Subject).HasMaxLength(512);
        b.Property(e => e.Details).HasMaxLength(AuditEvent.MaxDetails);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.UserAgent).HasMaxLength(AuditEvent.MaxUserAgent);
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.ActingForAccountId, e.AtUtc });
        b.HasIndex(e => new { e.ActorEmail, e.AtUtc });
    }
}

internal sealed class ImpersonationSessionConfiguration : IEntityTypeConfiguration<ImpersonationSession>
{
    public void Configure(EntityTypeBuilder<ImpersonationSession> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.StaffUserId).HasMaxLength(450);
        b.Property(s => s.StaffEmail).HasMaxLength(256);
        b.Property(s => s.AccountName).HasMaxLength(200);
        b.Property(s => s.OwnerEmail).HasMaxLength(256);
        b.Property(s => s.Reason).HasMaxLength(ImpersonationSession.MaxReason);
        b.HasIndex(s => new { s.StaffUserId, s.EndedAtUtc, s.ExpiresAtUtc });
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Job).HasMaxLength(64);
        b.Property(r => r.TriggeredBy).HasMaxLength(256);
        b.Property(r => r.Summary).HasMaxLength(2000);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.HasIndex(r => new { r.Job, r.StartedAtUtc });
        b.HasIndex(r => r.StartedAtUtc);
    }
}
