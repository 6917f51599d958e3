using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Forecasts;
using BillingConsole.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BillingConsole.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        b.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        b.Property(e => e.EventTypes).HasMaxLength(WebhookEndpoint.EventTypesMaxLength);
        b.Property(e => e.ProtectedSecret).HasMaxLength(WebhookEndpoint.SecretMaxLength);
        b.Property(e => e.PreviousProtectedSecret).HasMaxLength(WebhookEndpoint.SecretMaxLength);
        b.Property(e => e.DisabledReason).HasMaxLength(200);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.EventTypeList);
        b.HasIndex(e => e.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Type).HasMaxLength(WebhookEvent.TypeMaxLength);
        b.Property(e => e.EventKey).HasMaxLength(WebhookEvent.KeyMaxLength);
        b.Property(e => e.DataJson).HasMaxLength(WebhookEvent.DataMaxLength);
        b.HasIndex(e => new { e.AccountId, e.EventKey }).IsUnique();
        b.HasIndex(e => e.DispatchedAtUtc);
        b.HasIndex(e => e.CreatedAtUtc);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.WebhookId).HasMaxLength(40);
        b.Property(m => m.EventType).HasMaxLength(WebhookEvent.TypeMaxLength);
        b.Property(m => m.Body).HasMaxLength(WebhookMessage.BodyMaxLength);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => new { m.EventId, m.EndpointId }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        b.HasIndex(m => new { m.EndpointId, m.CreatedAtUtc });
        b.HasOne<WebhookEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(m => m.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Request).HasMaxLength(WebhookAttempt.RequestMaxLength);
        b.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookAttempt.ExcerptMaxLength);
        b.Property(a => a.Error).HasMaxLength(WebhookAttempt.ErrorMaxLength);
        b.HasIndex(a => new { a.MessageId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.EndpointId, a.StartedAtUtc });
        b.HasOne<WebhookMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ForecastAlertRuleConfiguration : IEntityTypeConfiguration<ForecastAlertRule>
{
    public void Configure(EntityTypeBuilder<ForecastAlertRule> b)
    {
        b.HasKey(r => r.AccountId);
        b.Property(r => r.BudgetPercents).HasMaxLength(ForecastAlertRule.ListMaxLength);
        b.Property(r => r.ActivePackTypes).HasMaxLength(ForecastAlertRule.ListMaxLength);
        b.Property(r => r.BudgetSent).HasMaxLength(ForecastAlertRule.ListMaxLength);
        b.Property(r => r.BudgetMonth).HasMaxLength(7);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.PercentList);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
