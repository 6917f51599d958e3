using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.Metering;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Jobs;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>Issue #22: <c>/readyz</c>, <c>/metrics</c> and the console's own meters, through the real pipeline.</summary>
[Collection(HostCollection.Name)]
public sealed class OperationsEndpointsTests(OperationsEndpointsTests.App app) : IClassFixture<OperationsEndpointsTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_IsReady_AndNamesEachCheck()
    {
        var response = await app.AnonymousClient().GetAsync("/readyz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "migrations", "job-storage" })
        {
            Assert.Equal("healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Metrics_NeedTheAdminToken_AndArePrometheusText()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        (await UsageApi.PostAsync(app.Bearer(key), UsageApi.Batch([UsageApi.Event($"m-{Guid.NewGuid():N}")]))).EnsureSuccessStatusCode();

        var anonymous = await app.AnonymousClient().GetAsync("/metrics", Ct);
        var wrong = await app.Bearer("not-the-admin-token").GetAsync("/metrics", Ct);
        var scraped = await app.Admin().GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Equal("text/plain", scraped.Content.Headers.ContentType?.MediaType);
        var text = await scraped.Content.ReadAsStringAsync(Ct);
        Assert.Contains("# TYPE billing_usage_events_total counter", text);
        Assert.Contains("billing_usage_events_total{", text);
        Assert.Contains("billing_usage_ingest_duration_seconds_bucket{", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.DoesNotContain(key, text);
    }

    [Fact]
    public async Task UsageOutcomes_AndEntitlementAnswers_OnBothPaths_AreCounted()
    {
        using var metrics = new MetricsRecorder(app.Services.GetRequiredService<IMeterFactory>());
        var fastPath = app.Services.GetRequiredService<EntitlementFastPathCount>();
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var id = $"o-{Guid.NewGuid():N}";

        var answer = await UsageApi.ReadAsync(await UsageApi.PostAsync(client, UsageApi.Batch(
            [UsageApi.Event(id), UsageApi.Event(id), UsageApi.Event($"{id}-2"), UsageApi.Event($"{id}-3", service: "NOPE")])));
        var fastBefore = fastPath.Answered;
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/v1/entitlement?service=RP", Ct)).EnsureSuccessStatusCode();
        }

        Assert.Equal((2, 1, 1), (answer.Accepted, answer.Duplicates, answer.Rejected.Count));
        Assert.Equal(2, metrics.Sum("billing.usage.events", "outcome=accepted"));
        Assert.Equal(1, metrics.Sum("billing.usage.events", "outcome=duplicate"));
        Assert.Equal(1, metrics.Sum("billing.usage.events", "outcome=rejected"));
        Assert.Equal(1, metrics.Count("billing.usage.ingest.duration"));
        // On SQLite the second and third checks are key cache hits answered by the fast path; on PostgreSQL the cache
        // is off (docs/metering.md) and the endpoint answers all three.
        if (app.Provider == "Sqlite") Assert.True(fastPath.Answered > fastBefore, "the fast path answered none of the checks");
        Assert.Equal(3, metrics.Sum("billing.entitlement.answers", "status=active"));
    }

    [Fact]
    public async Task JobRuns_AndTheDailyRun_AreMeasured()
    {
        using var metrics = new MetricsRecorder(app.Services.GetRequiredService<IMeterFactory>());

        (await app.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null, Ct)).EnsureSuccessStatusCode();
        (await app.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null, Ct)).EnsureSuccessStatusCode();

        Assert.Equal(1, metrics.Count("billing.daily_run.duration"));
        Assert.Equal(1, metrics.Sum("billing.job.runs", "job=daily-billing"));
        Assert.Equal(2, metrics.Sum("billing.job.runs", "outcome=succeeded"));
    }

    [Fact]
    public void FailedHangfireJobAttempts_AreCounted_ThroughTheServersFilterProvider()
    {
        using var metrics = new MetricsRecorder(app.Services.GetRequiredService<IMeterFactory>());
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var id = jobs.Schedule<JobRunner>(r => r.RunAsync("no-such-job", CancellationToken.None), TimeSpan.FromDays(1));

        // Hangfire's automatic retry turns the failure into a retry, so the job does not end up Failed: counted anyway.
        jobs.ChangeState(id, new FailedState(new InvalidOperationException("test failure")), null);

        Assert.Equal(1, metrics.Sum("billing.hangfire.job_failures", "job=JobRunner.RunAsync"));
    }

    [Theory]
    [InlineData(200, true, "credited")]
    [InlineData(200, false, "acknowledged")]
    [InlineData(401, false, "bad_signature")]
    [InlineData(404, false, "unknown_order")]
    [InlineData(409, false, "not_payable")]
    [InlineData(400, false, "rejected")]
    public void PaymentNotificationOutcomes_AreNamedFromTheReply(int status, bool credited, string outcome) =>
        Assert.Equal(outcome, BillingMetrics.NotificationOutcome(status, credited));
}
