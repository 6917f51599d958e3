using BillingConsole.Web.Features.Alipay;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>
/// The simulated gateway's routes (404 unless <c>Payments:AlipaySimulator:Enabled</c> or <c>Payments:Alipay:UseSimulator</c>):
/// <c>GET /alipay-sim/gateway.do</c> page pay → the cashier page; <c>POST /alipay-sim/gateway.do</c> the server API;
/// <c>POST /alipay-sim/cashier/{outTradeNo}/pay?notify=false</c> what the cashier's button does (for scripts and
/// tests; <c>notify=false</c> loses the notification); <c>POST /alipay-sim/trades/{outTradeNo}/notify</c> sends it again.
/// </summary>
public static class AlipaySimulatorEndpoints
{
    public static IEndpointRouteBuilder MapAlipaySimulatorEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/alipay-sim").AllowAnonymous().DisableAntiforgery().WithTags("AlipaySimulator")
            .AddEndpointFilter(async (context, next) => On(context.HttpContext.RequestServices)
                ? await next(context)
                : TypedResults.NotFound());
        sim.MapGet("/gateway.do", PagePay);
        sim.MapPost("/gateway.do", ServerApiAsync);
        sim.MapPost("/cashier/{outTradeNo}/pay", PayAsync);
        sim.MapPost("/trades/{outTradeNo}/notify", NotifyAgainAsync);
        return app;
    }

    public static bool On(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AlipaySimulatorOptions>>().Value.Enabled
        || services.GetRequiredService<IOptions<AlipayOptions>>().Value.UseSimulator;

    private static Dictionary<string, string> Fields(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.ToDictionary(v => v.Key, v => v.Value.ToString());

    private static IResult PagePay(HttpRequest request, AlipaySimulatorCashier cashier)
    {
        var (trade, error) = cashier.Open(Fields(request.Query));
        return trade is null
            ? TypedResults.Content($"<!doctype html><meta charset=\"utf-8\"><title>支付宝模拟器</title><h1>错误 / Error</h1><p data-testid=\"sim-error\">{System.Net.WebUtility.HtmlEncode(error)}</p>",
                "text/html; charset=utf-8", statusCode: 400)
            : TypedResults.Redirect($"/alipay-sim/cashier/{trade.OutTradeNo}");
    }

    private static async Task<IResult> ServerApiAsync(HttpRequest request, AlipaySimulatorProtocol protocol, CancellationToken ct)
    {
        var fields = request.HasFormContentType ? Fields(await request.ReadFormAsync(ct)) : [];
        foreach (var (k, v) in request.Query) fields.TryAdd(k, v.ToString()); // the SDKs put the common parameters in the query
        return TypedResults.Text(protocol.Answer(fields), "application/json; charset=utf-8");
    }

    private static async Task<IResult> PayAsync(string outTradeNo, bool? notify, AlipaySimulatorCashier cashier, CancellationToken ct)
    {
        var error = await cashier.PayAsync(outTradeNo, notify ?? true, ct);
        return error is null ? TypedResults.Ok(new { outTradeNo, paid = true }) : TypedResults.Conflict(new { outTradeNo, error });
    }

    private static async Task<IResult> NotifyAgainAsync(string outTradeNo, SimulatorTrades trades, AlipaySimulatorCashier cashier,
        CancellationToken ct)
    {
        if (trades.Find(outTradeNo) is not { } trade) return TypedResults.NotFound();
        var error = await cashier.NotifyAsync(trade, ct);
        return error is null ? TypedResults.Ok(new { outTradeNo, notified = true }) : TypedResults.Conflict(new { outTradeNo, error });
    }
}
