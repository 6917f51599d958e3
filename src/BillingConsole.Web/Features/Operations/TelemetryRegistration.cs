using BillingConsole.Web.Api;
using Hangfire.Common;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// OpenTelemetry (issue #22, docs/operations.md): ASP.NET Core's HTTP server metrics and the console's own
/// <see cref="BillingMetrics"/>, served as Prometheus text at <c>GET /metrics</c> (admin token) and, when
/// <c>OpenTelemetry:Endpoint</c> is set, exported over OTLP together with traces (HTTP server spans and the console's
/// spans around ingestion, settlement chunks and payment notifications).
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BillingMetrics>();
        // Before AddJobs: Hangfire.AspNetCore only adds its own filter provider when none is registered.
        services.AddSingleton(sp => JobFailureMetrics.Provider(sp.GetRequiredService<BillingMetrics>()));
        var endpoint = configuration["OpenTelemetry:Endpoint"] is { Length: > 0 } e ? new Uri(e) : null;
        var protocol = string.Equals(configuration["OpenTelemetry:Protocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OpenTelemetry:ServiceName"] ?? "billing-console"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddMeter(BillingMetrics.MeterName)
                    .AddPrometheusExporter();
                if (endpoint is not null) m.AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/metrics"));
            });
        if (endpoint is not null)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(MetricsPath) && !context.Request.Path.StartsWithSegments("/_blazor"))
                .AddSource(BillingMetrics.ActivitySourceName)
                .AddOtlpExporter(o => Configure(o, endpoint, protocol, "v1/traces")));
        }
        return services;
    }

    /// <summary><c>GET /metrics</c>: Prometheus text exposition, behind the admin token (404 when none is set).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(ApiRegistration.ApiAdmin).DisableRateLimiting();
        return app;
    }

    private static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        // OTLP over HTTP posts each signal to its own path under the collector's base address; gRPC takes the base.
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath is "/" or ""
            ? new Uri(endpoint, signalPath)
            : endpoint;
    }
}
