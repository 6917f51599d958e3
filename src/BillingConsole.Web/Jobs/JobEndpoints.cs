using BillingConsole.Web.Api;

namespace BillingConsole.Web.Jobs;

/// <summary>API.md <c>POST /api/v1/admin/jobs/{job}/run</c>: runs a job now, in the request.</summary>
public static class JobEndpoints
{
    public sealed record JobRunResponse(string Job, string Summary);

    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi().MapPost("/jobs/{job}/run", async (string job, JobRunner runner, CancellationToken ct) =>
                runner.Exists(job)
                    ? TypedResults.Ok(new JobRunResponse(job, await runner.RunAsync(job, ct)))
                    : ApiProblems.Problem(404, $"No job '{job}'. Jobs: {string.Join(", ", RecurringJobs.All)}."))
            .WithName("AdminRunJob").WithTags("Admin");
        return app;
    }
}
