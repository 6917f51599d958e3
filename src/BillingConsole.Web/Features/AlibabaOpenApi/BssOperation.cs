namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>A verified call: the key's account, the merged parameters and the request id of the answer.</summary>
public sealed record OpenApiCall(OpenApiCaller Caller, OpenApiParameters Parameters, string RequestId)
{
    public Guid AccountId => Caller.AccountId;
}

/// <summary>
/// One BssOpenApi 2017-12-14 operation. <see cref="HandleAsync"/> returns the whole body (PascalCase property names
/// exactly as the SDK models name them) or throws <see cref="OpenApiException"/>.
/// </summary>
public interface IBssOperation
{
    string Action { get; }

    Task<object> HandleAsync(OpenApiCall call, CancellationToken ct);
}

/// <summary>The envelope every BssOpenApi answer shares (section 7).</summary>
public static class BssEnvelope
{
    public static object Success(string requestId, object data) =>
        new { RequestId = requestId, Code = "Success", Message = "Successful!", Success = true, Data = data };
}
