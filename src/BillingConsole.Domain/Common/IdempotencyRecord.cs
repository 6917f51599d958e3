namespace BillingConsole.Domain.Common;

/// <summary>
/// The first answer to a POST carrying an <c>Idempotency-Key</c> (API.md): a retry with the same key and body within
/// 24 hours gets it again; the same key with another body is a conflict. (Scope, Key) is unique in the database.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Scope = string.Empty;
        Key = string.Empty;
        RequestHash = string.Empty;
        ResponseBody = string.Empty;
        ContentType = string.Empty;
    }

    public long Id { get; private set; }
    /// <summary>Whose key it is: "account:{id}" or "admin", plus the route.</summary>
    public string Scope { get; private set; }
    public string Key { get; private set; }
    public string RequestHash { get; private set; }
    public int StatusCode { get; private set; }
    public string ContentType { get; private set; }
    public string ResponseBody { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static IdempotencyRecord Create(string scope, string key, string requestHash, int statusCode,
        string contentType, string responseBody, DateTime nowUtc) => new()
    {
        Scope = scope,
        Key = key,
        RequestHash = requestHash,
        StatusCode = statusCode,
        ContentType = contentType,
        ResponseBody = responseBody,
        CreatedAtUtc = nowUtc,
    };
}
