using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Features.Settlement;

/// <summary>
/// SPEC A2, A6 after daily billing: the run enqueues one alert job for the accounts it billed (not two per bill,
/// each a Hangfire storage write), chunked so a job's arguments stay small.
/// </summary>
public sealed class DailyBillingAlertTriggerTests
{
    private static DateTime Local(int day, int hour) => new(2026, 11, day, hour, 0, 0);

    [Fact]
    public async Task A2_A6_BillingRun_EnqueuesOneAfterBillingRunJob_WithTheBilledAccounts()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var first = await s.OpenAccountAsync(100m);
        var second = await s.OpenAccountAsync(100m);
        var idle = await s.OpenAccountAsync(100m);
        foreach (var day in new[] { 24, 25, 26 }) await s.UsageAsync(first, "RP", Local(day, 12), 1);
        await s.UsageAsync(second, "FV", Local(26, 9), 2);
        var jobs = new RecordingJobClient();

        var summary = await s.JobHandler(jobs: jobs).HandleAsync(default);

        Assert.Equal(4, summary.Issued);
        var job = Assert.Single(jobs.Jobs);
        Assert.Equal(nameof(QuotaAlertJobs.AfterBillingRunAsync), job.Method.Name);
        var accounts = Assert.IsType<Guid[]>(job.Args[0]);
        Assert.Equal(new[] { first, second }.Order(), accounts.Order());
        Assert.DoesNotContain(idle, accounts);
    }

    [Fact]
    public async Task A2_A6_BillingRunInChunks_EnqueuesOneJobPerChunk_AllBeforeTheRunReturns()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var account = await s.OpenAccountAsync(100m);
            await s.UsageAsync(account, "RP", Local(25, 12), 1);
            await s.UsageAsync(account, "FV", Local(26, 9), 1);
            accounts.Add(account);
        }
        var jobs = new RecordingJobClient();
        var run = s.JobHandler(jobs: jobs);
        run.ChunkAccountDays = 4; // two accounts (two days each) per chunk: chunks of 2, 2 and 1 accounts

        var summary = await run.HandleAsync(default);

        Assert.Equal(10, summary.Issued);
        Assert.All(jobs.Jobs, j => Assert.Equal(nameof(QuotaAlertJobs.AfterBillingRunAsync), j.Method.Name));
        Assert.Equal([2, 2, 1], jobs.Jobs.Select(j => ((Guid[])j.Args[0]).Length));
        Assert.Equal(accounts.Order(), jobs.Jobs.SelectMany(j => (Guid[])j.Args[0]).Order());
    }

    [Fact]
    public async Task A2_BillingRunWithNothingToBill_EnqueuesNothing()
    {
        await using var s = await SettlementScenario.CreateAsync();
        await s.OpenAccountAsync(100m);
        var jobs = new RecordingJobClient();

        await s.JobHandler(jobs: jobs).HandleAsync(default);

        Assert.Empty(jobs.Jobs);
    }

    [Fact]
    public void AfterBillingRun_ChunksAccountsIntoJobsOfAtMost500()
    {
        var jobs = new RecordingJobClient();
        var accounts = Enumerable.Range(0, AlertTriggers.BillingRunChunk * 2 + 1).Select(_ => Guid.NewGuid()).ToList();

        RecordingJobClient.Triggers(jobs).AfterBillingRun(accounts);

        Assert.Equal([500, 500, 1], jobs.Jobs.Select(j => ((Guid[])j.Args[0]).Length));
        Assert.Equal(accounts, jobs.Jobs.SelectMany(j => (Guid[])j.Args[0]));
    }
}
