using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Webhooks;

public static class WebhooksRegistration
{
    /// <summary>Signed webhooks (SPEC F5, issue #20).</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Webhooks"));
        services.AddWebhookHttpClient();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookEventData>();
        services.AddSingleton<EmitWebhookEventsHandler>();
        services.AddSingleton<DispatchWebhooksHandler>();
        services.AddSingleton<DeliverWebhookHandler>();
        services.AddSingleton<ManageWebhookEndpointsHandler>();
        services.AddSingleton<WebhookDeliveriesHandler>();
        services.AddScoped<WebhookJobs>();
        services.AddScoped<IBillingJob, WebhookDeliveryJob>();
        return services;
    }
}
