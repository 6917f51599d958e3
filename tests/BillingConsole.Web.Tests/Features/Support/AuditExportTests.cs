using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Features.Support;

namespace BillingConsole.Web.Tests.Features.Support;

public sealed class AuditExportTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportCsv_FiltersAndEscapes_OldestFirst()
    {
        await using var s = await SupportScenario.CreateAsync();
        using (ActorContext.Use(s.SupportActor(s.AccountId)))
        {
            await s.Audit.WriteAsync("page.view", "bills", "first, \"quoted\"", ct: Ct);
            await s.Audit.WriteAsync("page.view", "=cmd", ct: Ct);
            await s.Audit.WriteAsync("other.thing", "x", ct: Ct);
        }
        var handler = new GetAuditEventsHandler(s.Db);

        var csv = await handler.ExportCsvAsync(new AuditQuery(Actor: "support@", Action: "page."), Ct);

        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Id,AtUtc,ActorEmail", lines[0]);
        Assert.Contains("\"first, \"\"quoted\"\"\"", lines[1]);
        Assert.Contains(",'=cmd,", lines[2]);
        Assert.DoesNotContain("other.thing", csv);
    }

    [Fact]
    public async Task Query_ByAccountAndDateRange()
    {
        await using var s = await SupportScenario.CreateAsync();
        using (ActorContext.Use(s.SupportActor(s.AccountId)))
        {
            await s.Audit.WriteAsync("page.view", "day1", ct: Ct);
            s.Clock.Advance(TimeSpan.FromDays(2));
            await s.Audit.WriteAsync("page.view", "day3", ct: Ct);
            await s.Audit.WriteAsync("page.view", "elsewhere", accountId: Guid.NewGuid(), ct: Ct);
        }
        var handler = new GetAuditEventsHandler(s.Db);

        var rows = await handler.HandleAsync(new AuditQuery(AccountId: s.AccountId,
            FromUtc: s.Clock.GetUtcNow().UtcDateTime.AddDays(-1)), Ct);

        Assert.Equal(["day3"], rows.Select(r => r.Subject));
    }
}
