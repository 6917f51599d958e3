using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// The Alibaba Cloud compatible endpoint (issue #18). A request to <c>/</c> carrying <c>x-acs-action</c> is answered
/// here, before routing, antiforgery and the Blazor pipeline; anything else (the console at <c>/</c>) goes on unchanged.
/// Every answer, errors and unexpected failures included, is an Alibaba JSON body: never problem details or HTML.
/// </summary>
internal sealed class OpenApiGateway(RequestDelegate next, OpenApiAuthenticator authenticator,
    IEnumerable<IBssOperation> operations, IOptions<OpenApiOptions> options, ILogger<OpenApiGateway> logger)
{
    public const string Version = "2017-12-14";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Dictionary<string, IBssOperation> byAction = operations.ToDictionary(o => o.Action, StringComparer.Ordinal);
    private readonly int maxBodyBytes = options.Value.MaxBodyBytes;

    public static bool IsOpenApiCall(HttpRequest request) =>
        request.Path == "/" && (request.Headers.ContainsKey("x-acs-action") || LegacySignature.IsPresent(request));

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsOpenApiCall(context.Request))
        {
            await next(context);
            return;
        }
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var ct = context.RequestAborted;
        try
        {
            var body = await OpenApiBody.ReadAsync(context, maxBodyBytes, ct);
            var request = context.Request;
            var signed = new SignedRequest(request.Method, request.QueryString.Value, Header(request), body);
            var caller = await authenticator.VerifyAsync(signed, ct);
            // The legacy v1 signature carries both in the query too (older clients send no x-acs-* headers).
            var action = HeaderOr(request, "x-acs-action", "Action");
            if (HeaderOr(request, "x-acs-version", "Version") != Version || !byAction.TryGetValue(action, out var operation))
            {
                throw new OpenApiException(OpenApiErrors.InvalidAction);
            }
            var parameters = OpenApiBody.Parameters(request, body);
            CheckOwner(parameters, caller.AccountId);
            var answer = await operation.HandleAsync(new OpenApiCall(caller, parameters, requestId), ct);
            await WriteAsync(context, 200, answer, ct);
        }
        catch (OpenApiException e)
        {
            await WriteErrorAsync(context, requestId, e.Error, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "OpenAPI call {RequestId} failed", requestId);
            await WriteErrorAsync(context, requestId, OpenApiErrors.InternalError, ct);
        }
    }

    private static string HeaderOr(HttpRequest request, string header, string queryName) =>
        request.Headers.TryGetValue(header, out var value) ? value.ToString() : request.Query[queryName].ToString();

    /// <summary>A header as received; several values joined by ',' as the SDK would have signed them.</summary>
    private static Func<string, string?> Header(HttpRequest request) => name =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Section 8: an owner parameter naming another account is refused; the key's own id or none is fine.</summary>
    private static void CheckOwner(OpenApiParameters parameters, Guid accountId)
    {
        foreach (var name in (string[])["OwnerId", "OwnerID", "BillOwnerId"])
        {
            if (parameters.Get(name) is { } owner && (!Guid.TryParse(owner, out var id) || id != accountId))
            {
                throw new OpenApiException(OpenApiErrors.Forbidden);
            }
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, string requestId, OpenApiError error, CancellationToken ct)
    {
        if (context.Response.HasStarted) return;
        var body = new Dictionary<string, string>
        {
            ["RequestId"] = requestId,
            ["HostId"] = context.Request.Host.Value ?? "",
            ["Code"] = error.Code,
            ["Message"] = error.Message,
            ["Recommend"] = "https://api.aliyun.com/troubleshoot?q=" + Uri.EscapeDataString(error.Code),
        };
        if (error.Status == 429) context.Response.Headers.RetryAfter = "1";
        await WriteAsync(context, error.Status, body, ct);
    }

    private static async Task WriteAsync(HttpContext context, int status, object body, CancellationToken ct)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json;charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), Json, ct);
    }
}

/// <summary>Reading the body within a small bound, and merging query and form parameters (section 2.4).</summary>
internal static class OpenApiBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context, int maxBytes, CancellationToken ct)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes) throw new OpenApiException(OpenApiErrors.BodyTooLarge(maxBytes));
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) throw new OpenApiException(OpenApiErrors.BodyTooLarge(maxBytes));
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OpenApiException(OpenApiErrors.BodyTooLarge(maxBytes));
        }
        return buffer.ToArray();
    }

    public static OpenApiParameters Parameters(HttpRequest request, byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Acs3Signature.DecodeQuery(request.QueryString.Value)) values.TryAdd(name, value);
        if (body.Length > 0 && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (name, value) in Acs3Signature.DecodeQuery(System.Text.Encoding.UTF8.GetString(body))) values.TryAdd(name, value);
        }
        return new OpenApiParameters(values);
    }
}
