namespace BillingConsole.Domain.OpenApi;

/// <summary>
/// A signature nonce an AccessKey has used (ALIBABA-OPENAPI.md 3.1 step 10). (AccessKeyId, Nonce) is the primary key:
/// on PostgreSQL every node inserts into the same table, so a replay sent to another node is refused too. A row is
/// kept until <see cref="ExpiresAtUtc"/>, when its request's date leaves the 15-minute window, and then purged.
/// </summary>
public sealed class AccessKeyNonce
{
    public const int MaxNonceLength = 128;

    private AccessKeyNonce()
    {
        AccessKeyId = string.Empty;
        Nonce = string.Empty;
    }

    public AccessKeyNonce(string accessKeyId, string nonce, DateTime expiresAtUtc)
    {
        AccessKeyId = accessKeyId;
        Nonce = nonce;
        ExpiresAtUtc = expiresAtUtc;
    }

    public string AccessKeyId { get; private set; }
    public string Nonce { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
}
