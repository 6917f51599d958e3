namespace BillingConsole.Web.Features.Recharge;

public static class RechargeRegistration
{
    public static IServiceCollection AddRecharge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PaymentOptions>(configuration.GetSection("Payments"));
        // Singletons: they hold no state but the signing key, and open a context per operation.
        services.AddSingleton<SandboxSigner>();
        services.AddSingleton<CreateRechargeHandler>();
        services.AddSingleton<GetRechargesHandler>();
        services.AddSingleton<CompleteRechargeHandler>();
        services.AddSingleton<ProcessPaymentNotificationHandler>();
        services.AddSingleton<SandboxPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxPaymentGateway>());
        services.AddSingleton<RequestWithdrawalHandler>();
        services.AddSingleton<DecideWithdrawalHandler>();
        services.AddSingleton<GetWithdrawalsHandler>();
        return services;
    }
}
