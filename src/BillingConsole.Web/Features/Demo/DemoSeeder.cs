using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Demo;

/// <summary>
/// Demo users and data (<c>Seed:Demo</c>, on in Development). Everything goes through the real use cases, so the
/// demo shows what the rules produce. It runs once: an existing demo owner means the data is there.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, TimeProvider clock, IConfiguration configuration,
    ILogger<DemoSeeder> logger)
{
    public static readonly DemoLogin Owner = new("owner@example.com", "Owner#2026", "Account owner (Demo Co.)");
    public static readonly DemoLogin Support = new("support@example.com", "Support#2026", "Support staff");
    public static readonly DemoLogin Admin = new("admin@example.com", "Admin#2026", "Administrator");
    public static readonly DemoLogin[] Logins = [Owner, Support, Admin];

    public const string DemoAccountName = "Demo Co. 演示科技有限公司";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(Owner.Email) is not null) return;

        // The story starts with the history: the account opens and its opening balance is credited on the first day of
        // the demo month (issue #15), not when the app first starts.
        var days = configuration.GetValue("Seed:DemoHistoryDays", 30);
        var calendar = scope.ServiceProvider.GetRequiredService<BillingCalendar>();
        var openedAt = DemoHistory.StartUtc(calendar, clock.GetUtcNow().UtcDateTime, days);
        var opened = await ActivatorUtilities.CreateInstance<OpenAccountHandler>(scope.ServiceProvider, (TimeProvider)new DemoClock(openedAt))
            .HandleAsync(new OpenAccountCommand(DemoAccountName, Owner.Email, Owner.Password), ct);
        if (!opened.IsOk) throw new InvalidOperationException($"Demo seed: {opened.Error}");
        await CreateStaffAsync(users, Support, Roles.Support);
        await CreateStaffAsync(users, Admin, Roles.Admin);

        var accountId = opened.Value!.AccountId;
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        await db.PostAsync(new PostLedgerEntryCommand(accountId, LedgerEntryKind.Adjustment, Money.Yuan(5000m),
            "demo", $"demo-opening-{accountId}", "Demo opening balance"), openedAt, ct);
        await db.SaveChangesAsync(ct);
        // Tests turn the history off (Seed:DemoHistoryDays=0) to start from the plain opening balance.
        await services.GetRequiredService<DemoHistory>().SeedAsync(accountId, days, ct);
        logger.LogInformation("DemoSeeder: demo account {AccountId} seeded", accountId);
    }

    private static async Task CreateStaffAsync(UserManager<ApplicationUser> users, DemoLogin login, string role)
    {
        var user = new ApplicationUser { UserName = login.Email, Email = login.Email, EmailConfirmed = true, DisplayName = login.Who };
        var created = await users.CreateAsync(user, login.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo seed: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
        await users.AddToRoleAsync(user, role);
    }
}

public sealed record DemoLogin(string Email, string Password, string Who);
