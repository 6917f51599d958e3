namespace BillingConsole.Web.Features.Forecasts;

public static class ForecastsRegistration
{
    /// <summary>Forecasts of balance and packs (SPEC F1, issue #20).</summary>
    public static IServiceCollection AddForecasts(this IServiceCollection services)
    {
        services.AddSingleton<GetForecastHandler>();
        services.AddSingleton<EvaluateForecastAlertsHandler>();
        services.AddSingleton<ForecastAlertSettingsHandler>();
        services.AddSingleton<QuotaAlertRecoveryHandler>();
        return services;
    }
}
