namespace BillingConsole.Web.Features.Alipay;

/// <summary>API.md: Alipay's asynchronous notification (form-encoded), answered with exactly <c>success</c> when accepted.</summary>
public static class AlipayEndpoints
{
    private const int MaxNotificationBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAlipayEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AlipayPaymentGateway.NotifyPath, NotifyAsync).AllowAnonymous().DisableAntiforgery()
            .WithTags("Payments").WithName("AlipayNotify").WithRequestSizeLimit(MaxNotificationBytes);
        return app;
    }

    private static async Task<IResult> NotifyAsync(HttpRequest request, AlipayCredentials credentials,
        AlipayNotifyHandler handler, BillingMetrics metrics, CancellationToken ct)
    {
        // Alipay reads only an exact "success"; every refusal is problem details like every /api error (issue #16).
        if (!credentials.Enabled) return ApiProblems.Problem(404, "fail: Alipay is not configured");
        if (!request.HasFormContentType) return ApiProblems.Problem(415, "fail: form expected");
        using var activity = BillingMetrics.Tracing.StartActivity("payment.notification");
        activity?.SetTag("billing.payment.gateway", "alipay");
        var form = await request.ReadFormAsync(ct);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in form)
        {
            foreach (var value in values) fields.Add(new(key, value ?? string.Empty));
        }
        var reply = await handler.HandleAsync(fields, ct);
        var outcome = BillingMetrics.NotificationOutcome(reply.StatusCode, reply.Body == "success");
        metrics.PaymentNotification("alipay", outcome);
        activity?.SetTag("billing.payment.outcome", outcome);
        return reply.StatusCode >= 400
            ? ApiProblems.Problem(reply.StatusCode, reply.Body)
            : TypedResults.Text(reply.Body, "text/plain", statusCode: reply.StatusCode);
    }
}
