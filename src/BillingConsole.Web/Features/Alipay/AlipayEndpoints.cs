namespace BillingConsole.Web.Features.Alipay;

/// <summary>API.md: Alipay's asynchronous notification (form-encoded), answered with exactly <c>success</c> when accepted.</summary>
public static class AlipayEndpoints
{
    private const int MaxNotificationBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAlipayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AlipayPaymentGateway.NotifyPath, NotifyAsync).AllowAnonymous().DisableAntiforgery()
            .WithTags("Payments").WithName("AlipayNotify");
        return app;
    }

    private static async Task<IResult> NotifyAsync(HttpRequest request, AlipayCredentials credentials,
        AlipayNotifyHandler handler, CancellationToken ct)
    {
        if (!credentials.Enabled) return TypedResults.Text("fail: Alipay is not configured", "text/plain", statusCode: 404);
        if (request.ContentLength > MaxNotificationBytes) return TypedResults.Text("fail: too large", "text/plain", statusCode: 413);
        if (!request.HasFormContentType) return TypedResults.Text("fail: form expected", "text/plain", statusCode: 415);
        var form = await request.ReadFormAsync(ct);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in form)
        {
            foreach (var value in values) fields.Add(new(key, value ?? string.Empty));
        }
        var reply = await handler.HandleAsync(fields, ct);
        return TypedResults.Text(reply.Body, "text/plain", statusCode: reply.StatusCode);
    }
}
