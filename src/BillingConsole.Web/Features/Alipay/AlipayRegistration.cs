using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Jobs;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Alipay;

public static class AlipayRegistration
{
    /// <summary>
    /// The Alipay gateway. While <c>Payments:Alipay:Enabled</c>, it is the <see cref="IPaymentGateway"/> (Alipay and
    /// online-banking recharges go through it); otherwise the sandbox stays. Call after <c>AddRecharge</c>.
    /// </summary>
    public static IServiceCollection AddAlipay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlipayOptions>().Bind(configuration.GetSection("Payments:Alipay")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlipayOptions>, AlipayOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddHttpClient(AlipayClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<AlipayCredentials>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<AlipayPaymentGateway>();
        services.AddSingleton<AlipayClient>();
        services.AddSingleton<GatewayEvents>();
        services.AddSingleton<AlipayNotifyHandler>();
        services.AddSingleton<AlipayRefunds>();
        services.AddSingleton<IOriginalRouteRefunds>(sp => sp.GetRequiredService<AlipayRefunds>());
        services.AddSingleton<AlipayReconciliation>();
        services.AddSingleton<GetGatewayActivityHandler>();
        services.AddScoped<IBillingJob, PaymentReconciliationJob>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<AlipayCredentials>().Enabled
            ? sp.GetRequiredService<AlipayPaymentGateway>()
            : sp.GetRequiredService<SandboxPaymentGateway>());
        return services;
    }
}
