using BillingConsole.Domain.Metering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class UsageEventConfiguration : IEntityTypeConfiguration<UsageEvent>
{
    public void Configure(EntityTypeBuilder<UsageEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.EventId).HasMaxLength(128);
        b.Property(e => e.MeterCode).HasMaxLength(64);
        b.Property(e => e.SceneId).HasMaxLength(64);
        b.Property(e => e.Outcome).HasMaxLength(32);
        // SPEC M4: the one index on the ingestion hot path; duplicates are found by ON CONFLICT DO NOTHING.
        b.HasIndex(e => new { e.AccountId, e.EventId }).IsUnique();
    }
}

internal sealed class UsageHourlyRollupConfiguration : IEntityTypeConfiguration<UsageHourlyRollup>
{
    public void Configure(EntityTypeBuilder<UsageHourlyRollup> b)
    {
        b.HasKey(r => new { r.AccountId, r.MeterCode, r.HourStartUtc });
        b.Property(r => r.MeterCode).HasMaxLength(64);
        // Only the roll-ups with usage still to bill: daily billing finds its candidates here without visiting the
        // history (billed hours leave the index when they are marked), and marks them through it. The quantities are in
        // the index so the candidate query never reads the table (SQLite does not treat the filter as known).
        b.HasIndex(r => new { r.UsageDay, r.AccountId, r.BillableQuantity, r.BilledQuantity })
            .HasDatabaseName("IX_UsageHourlyRollups_Unbilled")
            .HasFilter("\"BillableQuantity\" > \"BilledQuantity\"");
    }
}
