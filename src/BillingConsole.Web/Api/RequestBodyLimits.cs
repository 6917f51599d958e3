using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BillingConsole.Web.Api;

/// <summary>An endpoint's request-body limit in bytes (<see cref="RequestBodyLimits.WithRequestSizeLimit{TBuilder}"/>).</summary>
public sealed record RequestBodyLimitMetadata(long Bytes) : IRequestSizeLimitMetadata
{
    long? IRequestSizeLimitMetadata.MaxRequestBodySize => Bytes;
}

/// <summary>Thrown by the limited body stream once more bytes arrive than the endpoint allows.</summary>
public sealed class RequestBodyTooLargeException(long limit)
    : InvalidOperationException($"The request body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// Request-body limits per endpoint, enforced while the body is read (docs/support-and-security.md). An endpoint
/// declares its limit with <c>.WithRequestSizeLimit(bytes)</c> (any <see cref="IRequestSizeLimitMetadata"/> counts);
/// every other <c>/api</c> endpoint, and a path under <c>/api</c> that matches none, gets <see cref="DefaultApiBytes"/>.
/// A Content-Length over the limit is answered 413 before a byte is read; a chunked body is counted as it arrives and
/// answered 413 as soon as it passes the limit, never buffered whole. Kestrel's own limit is lowered to the same
/// value, so its connection handling agrees. Paths outside <c>/api</c> without metadata keep the server's limit.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>The default for <c>/api</c> routes that declare nothing: JSON commands of a few fields.</summary>
    public const long DefaultApiBytes = 64 * 1024;

    /// <summary>Server-rendered page forms (Razor component endpoints and the Blazor hub's long-polling posts).</summary>
    public const long PageFormBytes = 1024 * 1024;

    public static TBuilder WithRequestSizeLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimitMetadata(bytes));

    /// <summary>The limit that applies to a request, or null for none of ours.</summary>
    public static long? LimitFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
        ?? (context.Request.Path.StartsWithSegments("/api") ? DefaultApiBytes : null);

    /// <summary>After routing (the endpoint's metadata is known), before anything reads a body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (LimitFor(context) is not { } limit)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }
        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsTooLarge(ex) && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
        }
    });

    private static bool IsTooLarge(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RequestBodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        // The rest of the body is not wanted: ask the client to stop and close rather than drain it.
        context.Response.Headers.Connection = "close";
        return ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than {Size(limit)}, the limit of this route; send less per request.");
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes:N0} bytes",
    };

    /// <summary>Counts what is read and fails the read that passes the limit, before handing those bytes on.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(Guard(() => inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw new RequestBodyTooLargeException(limit); // not an IOException: nothing may swallow it as a disconnect
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Guard(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        private int Count(int n)
        {
            read += n;
            if (read > limit) throw new RequestBodyTooLargeException(limit);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing) { } // the server owns the inner stream
    }
}
