using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Payments;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.OpenApi;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.Settlement;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// The application database, provider-neutral. Thin subclasses per provider own the migration sets (ADR-002).
/// Money columns are whole ten-thousandths of a yuan (<c>…Units</c>, ADR-001); times are UTC.
/// </summary>
public class BillingDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data protection keys, shared by every node so cookies work on all of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<UsageEvent> UsageEvents => Set<UsageEvent>();
    public DbSet<UsageHourlyRollup> UsageHourlyRollups => Set<UsageHourlyRollup>();
    public DbSet<ResourcePack> ResourcePacks => Set<ResourcePack>();
    public DbSet<PackDeductionRecord> PackDeductions => Set<PackDeductionRecord>();
    public DbSet<DeviceLicence> DeviceLicences => Set<DeviceLicence>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Meter> Meters => Set<Meter>();
    public DbSet<PackType> PackTypes => Set<PackType>();
    public DbSet<PackSpec> PackSpecs => Set<PackSpec>();
    public DbSet<Recharge> Recharges => Set<Recharge>();
    public DbSet<Withdrawal> Withdrawals => Set<Withdrawal>();
    public DbSet<WithdrawalLine> WithdrawalLines => Set<WithdrawalLine>();
    public DbSet<GatewayEvent> GatewayEvents => Set<GatewayEvent>();
    public DbSet<GatewayRefund> GatewayRefunds => Set<GatewayRefund>();
    public DbSet<Bill> Bills => Set<Bill>();
    public DbSet<IssuedBillLine> BillLines => Set<IssuedBillLine>();
    public DbSet<SettlementRun> SettlementRuns => Set<SettlementRun>();
    public DbSet<QuotaAlertSetting> QuotaAlertSettings => Set<QuotaAlertSetting>();
    public DbSet<LowBalanceAlertRule> LowBalanceAlertRules => Set<LowBalanceAlertRule>();
    public DbSet<AlertOccurrence> AlertOccurrences => Set<AlertOccurrence>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AlertContact> AlertContacts => Set<AlertContact>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ImpersonationSession> ImpersonationSessions => Set<ImpersonationSession>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookMessage> WebhookMessages => Set<WebhookMessage>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<ForecastAlertRule> ForecastAlertRules => Set<ForecastAlertRule>();
    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();
    public DbSet<AccessKeyNonce> AccessKeyNonces => Set<AccessKeyNonce>();
    public DbSet<InvoicingAccount> InvoicingAccounts => Set<InvoicingAccount>();
    public DbSet<InvoiceTitle> InvoiceTitles => Set<InvoiceTitle>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceDocument> InvoiceDocuments => Set<InvoiceDocument>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BillingDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified; every instant we store is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
