using System.Security.Claims;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>API.md <c>GET /api/v1/forecast</c>.</summary>
public static class ForecastEndpoints
{
    public sealed record PackForecastResponse(string PackType, long Remaining, decimal AverageDailyUse, DateOnly? RunsOutOn);

    public sealed record ForecastResponse(string AverageDailySpend, int? DaysOfBalanceLeft, DateOnly? BalanceRunsOutOn,
        IReadOnlyList<PackForecastResponse> Packs);

    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Forecasts");
        api.MapGet("/forecast", GetAsync).WithName("GetForecast");
        return app;
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, GetForecastHandler handler, CancellationToken ct)
    {
        var view = await handler.HandleAsync(user.AccountId(), ct);
        if (view is null) return TypedResults.NotFound();
        var f = view.Forecast;
        return TypedResults.Ok(new ForecastResponse(f.AverageDailySpend.ToExactString(), f.DaysOfBalanceLeft,
            f.BalanceRunsOutOn,
            f.Packs.Select(p => new PackForecastResponse(p.PackTypeCode, p.Remaining, p.AverageDailyUse, p.RunsOutOn))
                .ToList()));
    }
}
