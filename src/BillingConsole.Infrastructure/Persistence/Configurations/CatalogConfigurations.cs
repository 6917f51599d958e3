using BillingConsole.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.NameEn).HasMaxLength(200);
    }
}

internal sealed class MeterConfiguration : IEntityTypeConfiguration<Meter>
{
    public void Configure(EntityTypeBuilder<Meter> b)
    {
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(64);
        b.Property(m => m.ProductCode).HasMaxLength(64);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.NameEn).HasMaxLength(200);
        b.Property(m => m.Unit).HasMaxLength(32);
        b.Property(m => m.ScenePrefix).HasMaxLength(16);
        b.Property(m => m.Outcomes).HasMaxLength(400);
        b.Property(m => m.BillableOutcomes).HasMaxLength(400);
        b.Ignore(m => m.UnitPrice);
        b.Ignore(m => m.OutcomeList);
        b.Ignore(m => m.BillableOutcomeList);
    }
}

internal sealed class PackTypeConfiguration : IEntityTypeConfiguration<PackType>
{
    public void Configure(EntityTypeBuilder<PackType> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(64);
        b.Property(t => t.ProductCode).HasMaxLength(64);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.Cycle).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.CoveredMeters).HasMaxLength(400);
        b.Ignore(t => t.CoveredMeterList);
    }
}

internal sealed class PackSpecConfiguration : IEntityTypeConfiguration<PackSpec>
{
    public void Configure(EntityTypeBuilder<PackSpec> b)
    {
        b.HasKey(s => s.SpecId);
        b.Property(s => s.SpecId).HasMaxLength(64);
        b.Property(s => s.PackTypeCode).HasMaxLength(64);
        b.HasIndex(s => s.PackTypeCode);
        b.Ignore(s => s.Price);
    }
}
