using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Invoicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class InvoicingAccountConfiguration : IEntityTypeConfiguration<InvoicingAccount>
{
    public void Configure(EntityTypeBuilder<InvoicingAccount> b)
    {
        b.HasKey(x => x.AccountId);
        // SPEC V3, V5: every change that can lower the invoiceable amount rewrites this token (docs/invoices.md).
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Account>().WithOne().HasForeignKey<InvoicingAccount>(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceTitleConfiguration : IEntityTypeConfiguration<InvoiceTitle>
{
    public void Configure(EntityTypeBuilder<InvoiceTitle> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(InvoiceTitleFields.NameMax);
        b.Property(x => x.TaxId).HasMaxLength(18);
        b.Property(x => x.BankName).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.BankAccount).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.RegisteredAddress).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.RegisteredPhone).HasMaxLength(InvoiceTitleFields.TextMax);
        b.HasIndex(x => x.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Fields);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TitleKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TitleName).HasMaxLength(InvoiceTitleFields.NameMax);
        b.Property(x => x.TaxId).HasMaxLength(18);
        b.Property(x => x.BankName).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.BankAccount).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.RegisteredAddress).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.RegisteredPhone).HasMaxLength(InvoiceTitleFields.TextMax);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.PostalAddress).HasMaxLength(InvoiceRequestRules.PostalAddressMax);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.Property(x => x.DecidedByUserId).HasMaxLength(450);
        b.Property(x => x.InvoiceNumber).HasMaxLength(20);
        b.Property(x => x.RejectionReason).HasMaxLength(Invoice.ReasonMax);
        b.Property(x => x.ReversalReason).HasMaxLength(Invoice.ReasonMax);
        // Guards each decision: of two staff deciding at once only one commits.
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AccountId, x.RequestedAtUtc });
        b.HasIndex(x => new { x.Status, x.RequestedAtUtc });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Amount);
        b.Ignore(x => x.Holds);
    }
}

internal sealed class InvoiceDocumentConfiguration : IEntityTypeConfiguration<InvoiceDocument>
{
    public void Configure(EntityTypeBuilder<InvoiceDocument> b)
    {
        b.HasKey(x => x.InvoiceId);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(InvoiceDocument.MaxBytes);
        b.HasOne<Invoice>().WithOne().HasForeignKey<InvoiceDocument>(x => x.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
