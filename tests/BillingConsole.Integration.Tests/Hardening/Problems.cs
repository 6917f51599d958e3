using System.Net;
using System.Text.Json;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>API.md "Errors": a 4xx/5xx of the API is application/problem+json with a title.</summary>
internal static class Problems
{
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} instead of {(int)expected}: {body}");
        return AssertIsProblem(response, body);
    }

    public static JsonElement AssertIsProblem(HttpResponseMessage response, string body)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: " +
            $"{response.Content.Headers.ContentType} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()), body);
        return json.RootElement.Clone();
    }
}

/// <summary>A body produced as it is sent, counting what went out: chunked, or with a declared Content-Length.</summary>
internal sealed class EndlessContent(long? declaredLength = null, long stopAfter = 256L * 1024 * 1024) : HttpContent
{
    private long sent;

    public long Sent => Interlocked.Read(ref sent);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)' ');
        chunk[0] = (byte)'{';
        var limit = Math.Min(declaredLength ?? long.MaxValue, stopAfter);
        try
        {
            while (Sent < limit)
            {
                var n = (int)Math.Min(chunk.Length, limit - Sent);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                await stream.FlushAsync();
                Interlocked.Add(ref sent, n);
                chunk[0] = (byte)' ';
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // the server answered and stopped reading: that is the point
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength ?? 0;
        return declaredLength is not null;
    }
}
