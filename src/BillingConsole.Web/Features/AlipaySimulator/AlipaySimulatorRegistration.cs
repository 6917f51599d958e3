using BillingConsole.Web.Features.Alipay;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlipaySimulator;

public static class AlipaySimulatorRegistration
{
    public static IServiceCollection AddAlipaySimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlipaySimulatorOptions>(configuration.GetSection("Payments:AlipaySimulator"));
        services.AddSingleton<SimulatorKeys>();
        services.AddHostedService<SimulatorKeysAtStart>();
        services.AddSingleton<SimulatorTrades>();
        services.AddSingleton<SimulatorAppKey>();
        services.AddSingleton<AlipaySimulatorProtocol>();
        services.AddSingleton<AlipaySimulatorCashier>();
        services.AddSingleton<IPostConfigureOptions<AlipayOptions>, UseSimulatorSetup>();
        services.AddHttpClient(AlipaySimulatorCashier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        return services;
    }
}
