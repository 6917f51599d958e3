using System.Net.Http.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Metering;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>The app at 2026-11-27 10:00 Shanghai (02:00 UTC) with the admin token; accounts arranged per test.</summary>
public sealed class OpenApiApp : BillingAppFactory
{
    public static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    public OpenApiApp()
    {
        With("Admin:ApiToken", ApiClients.AdminToken);
        With("AlibabaOpenApi:PermitsPerSecond", "1000");
        With("AlibabaOpenApi:Burst", "1000");
        Clock = new FakeTimeProvider(new DateTimeOffset(Now));
    }
}

/// <summary>An account with an API key (for /api/v1) and an AccessKey (for the OpenAPI).</summary>
public sealed record OpenApiAccount(Guid AccountId, string ApiKey, AcsKey AccessKey);

internal static class OpenApiWorld
{
    public static async Task<OpenApiAccount> NewAccountAsync(BillingAppFactory app, string name = "Alibaba Co")
    {
        var (accountId, apiKey) = await app.NewAccountWithKeyAsync(name);
        var accessKey = await AcsSigner.CreateKeyAsync(app.Admin(), accountId);
        return new OpenApiAccount(accountId, apiKey, accessKey);
    }

    /// <summary>
    /// Funds the account, buys a Liveness pack and takes the RP trial, records 26 Nov usage (RP 150, FACE_COMPARE 7)
    /// and runs the daily billing: one bill with round-down, pack orders, ledger entries of several kinds.
    /// </summary>
    public static async Task<OpenApiAccount> BilledAccountAsync(BillingAppFactory app, string name = "Billed Co")
    {
        var account = await NewAccountAsync(app, name);
        await using (var db = app.CreateDbContext())
        {
            await db.PostAsync(new PostLedgerEntryCommand(account.AccountId, LedgerEntryKind.Adjustment, Money.Yuan(1000m), "test",
                $"fund-{account.AccountId}", "Test funds"), OpenApiApp.Now.AddHours(-1), default);
            await db.SaveChangesAsync();
        }
        var api = app.Bearer(account.ApiKey);
        (await api.PostAsJsonAsync("/api/v1/packs", new { specId = "FV_CALLS_1K" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/packs", new { specId = "RP_CALLS_TRIAL" })).EnsureSuccessStatusCode();
        await UsageAsync(app, account.AccountId, "RP", 150);
        await UsageAsync(app, account.AccountId, "FACE_COMPARE", 7);
        (await app.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null)).EnsureSuccessStatusCode();
        return account;
    }

    private static async Task UsageAsync(BillingAppFactory app, Guid accountId, string meter, long quantity)
    {
        var calendar = BillingCalendar.Shanghai;
        await using var db = app.CreateDbContext();
        db.UsageHourlyRollups.Add(new UsageHourlyRollup
        {
            AccountId = accountId, MeterCode = meter, UsageDay = new DateOnly(2026, 11, 26), BillableQuantity = quantity,
            HourStartUtc = calendar.HourStartUtc(calendar.ToUtc(new DateTime(2026, 11, 26, 9, 0, 0))),
        });
        await db.SaveChangesAsync();
    }
}
