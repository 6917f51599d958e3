namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>An Alibaba-style error answer (ALIBABA-OPENAPI.md section 5): the HTTP status, <c>Code</c> and <c>Message</c>.</summary>
public sealed record OpenApiError(int Status, string Code, string Message);

/// <summary>Thrown by parameter parsing and operations to answer an <see cref="OpenApiError"/>.</summary>
public sealed class OpenApiException(OpenApiError error) : Exception(error.Message)
{
    public OpenApiError Error { get; } = error;
}

/// <summary>The codes and wording of section 5, in the order they are checked.</summary>
public static class OpenApiErrors
{
    public static readonly OpenApiError IncompleteSignature =
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");

    public static readonly OpenApiError AccessKeyNotFound =
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    public static readonly OpenApiError AccessKeyInactive =
        new(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");

    public static readonly OpenApiError InvalidTimeStampFormat =
        new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    public static readonly OpenApiError InvalidTimeStampExpired =
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    public static readonly OpenApiError SignatureNonceUsed =
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    public static readonly OpenApiError InvalidAction =
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    public static readonly OpenApiError Forbidden =
        new(403, "Forbidden", "User not authorized to operate on the specified resource.");

    public static readonly OpenApiError Throttling =
        new(429, "Throttling.User", "Request was denied due to user flow control.");

    public static readonly OpenApiError InternalError =
        new(500, "InternalError", "The request processing has failed due to some unknown error.");

    public static OpenApiError SignatureDoesNotMatch(string serverStringToSign) =>
        new(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. server string to sign is:" + serverStringToSign);

    public static OpenApiError ContentHashMismatch() =>
        new(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the SHA-256 of the request body.");

    public static OpenApiError BodyTooLarge(int maxBytes) =>
        new(413, "RequestBodyTooLarge", $"The request body exceeds {maxBytes} bytes.");

    public static OpenApiError MissingParameter(string name) =>
        new(400, "MissingParameter",
            $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    public static OpenApiError InvalidParameter(string name) =>
        new(400, "InvalidParameter", $"The specified parameter \"{name}\" is not valid.");
}
