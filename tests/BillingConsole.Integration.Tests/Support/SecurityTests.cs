using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Support;

[Collection(HostCollection.Name)]
public sealed partial class SecurityTests(SecurityTests.App app) : IClassFixture<SecurityTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders_AndTheImportMapHasTheCspNonce()
    {
        var response = await app.AnonymousClient().GetAsync("/Account/Login", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("connect-src 'self';", csp); // issue #16: no ws:/wss: to any host
        Assert.DoesNotContain("ws:", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html);
    }

    [Fact]
    public async Task ApiResponses_CarryTheHeadersToo()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz", Ct);

        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ApiAnswers_CarryTheHeaders_WithAPolicyThatAllowsNoInlineScript()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/entitlement?service=RP", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("script-src 'self'; ", csp);
        Assert.DoesNotContain("nonce", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("owner")]
    [InlineData("support")]
    public async Task I4_HangfireDashboard_IsRefusedToAnyoneButAdmin(string? who)
    {
        var client = who switch
        {
            "owner" => await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password),
            "support" => await app.SignedInClientAsync(DemoSeeder.Support.Email, DemoSeeder.Support.Password),
            _ => app.AnonymousClient(),
        };

        var response = await client.GetAsync("/hangfire", Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("BillingConsole jobs", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task I4_HangfireDashboard_OpensForAdmin()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Admin.Email, DemoSeeder.Admin.Password);

        var response = await client.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task I3_SupportWithAnActiveImpersonation_SeesTheCustomersPages_AndTheVisitIsNotACustomerWrite()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/settings", Ct)).StatusCode);
        await using var db = app.CreateDbContext();
        var support = await db.Users.SingleAsync(u => u.Email == DemoSeeder.Support.Email, Ct);
        var accountId = (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email, Ct)).AccountId!.Value;
        using (ActorContext.Use(new BillingActor(support.Id, support.Email!, null, null, null, null, null)))
        {
            var started = await app.Services.GetRequiredService<StartImpersonationHandler>()
                .HandleAsync(new StartImpersonationCommand(support.Id, accountId, "Ticket 7: balance question"), Ct);
            Assert.True(started.IsOk, started.Error);
        }

        var overview = WebUtility.HtmlDecode(await client.GetStringAsync("/", Ct));
        var settings = await client.GetAsync("/settings", Ct);

        Assert.Contains("¥5,000.00", overview);
        Assert.Contains("只读", overview); // the impersonation banner, in the console's default zh-CN
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        await app.Services.GetRequiredService<EndImpersonationHandler>().HandleAsync(new EndImpersonationCommand(support.Id), Ct);
    }

    [Fact]
    public async Task AuditCsvExport_IsForStaffOnly()
    {
        var owner = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var support = await app.SignedInClientAsync(DemoSeeder.Support.Email, DemoSeeder.Support.Password);

        var refused = await owner.GetAsync("/staff/audit/export.csv", Ct);
        var csv = await support.GetAsync("/staff/audit/export.csv", Ct);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ActorEmail", await csv.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task I4_AdminJobRun_IsRecordedAsAJobRun()
    {
        var response = await app.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null, Ct);

        response.EnsureSuccessStatusCode();
        await using var db = app.CreateDbContext();
        var run = await db.JobRuns.OrderByDescending(r => r.StartedAtUtc).FirstAsync(r => r.Job == "arrears-enforcement", Ct);
        Assert.True(run.Succeeded);
        Assert.Equal("admin-api", run.TriggeredBy);
        Assert.NotNull(run.Summary);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
