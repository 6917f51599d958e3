using BillingConsole.Domain.Common;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Accounts;

public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BillingOptions>(configuration.GetSection("Billing"));
        services.AddSingleton(sp => new BillingCalendar(
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<BillingOptions>>().Value.TimeZone)));
        services.AddScoped<OpenAccountHandler>();
        services.AddScoped<CurrentAccount>();
        services.AddScoped<CurrentAccountSummary>();
        services.AddSingleton<GetAccountSummaryHandler>();
        services.AddSingleton<ApiKeysHandler>();
        return services;
    }
}
