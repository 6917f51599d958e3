using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Notifications;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Notifications;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

/// <summary>An account with an owner on a real in-memory database, the catalog's pack types and a fake clock.</summary>
public sealed class AlertWorld : IAsyncDisposable
{
    public const string OwnerEmail = "owner@acme.test";
    public static readonly DateTime Start = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
    public static readonly PackType Rp = Type("RP_CALLS", "实人认证流量包", "Real-person verification pack", PackCycle.None);
    public static readonly PackType Fv = Type("FV_CALLS", "活体人脸验证流量包", "Liveness verification pack", PackCycle.None);
    public static readonly PackType Iot = Type("IOT_CONNECTION", "连接时长资源包", "Connection minutes pack", PackCycle.Monthly);
    public static readonly PackType Storage = Type("IOT_STORAGE", "消息存储资源包", "Message storage pack", PackCycle.Hourly);

    private AlertWorld(TestDatabase database, Guid accountId)
    {
        Database = database;
        AccountId = accountId;
    }

    public TestDatabase Database { get; }
    public Guid AccountId { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));
    public BillingCalendar Calendar => BillingCalendar.Shanghai;
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<AlertWorld> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Start);
        db.Accounts.Add(account);
        db.PackTypes.AddRange(Rp, Fv, Iot, Storage);
        db.Users.Add(new ApplicationUser { UserName = OwnerEmail, Email = OwnerEmail, AccountId = account.Id });
        await db.SaveChangesAsync();
        return new AlertWorld(database, account.Id);
    }

    public EvaluateQuotaAlertsHandler Evaluate() =>
        new(Database, Clock, Calendar, NullLogger<EvaluateQuotaAlertsHandler>.Instance);

    public SaveQuotaAlertSettingsHandler Save() => new(Database, Clock, Evaluate());

    public GetQuotaAlertSettingsHandler Settings() => new(Database);

    public ObserveLowBalanceHandler ObserveLowBalance() =>
        new(Database, Clock, NullLogger<ObserveLowBalanceHandler>.Instance);

    public SendNotificationsHandler Send(INotificationSender sender) =>
        new(Database, sender, Clock, NullLogger<SendNotificationsHandler>.Instance);

    public async Task<Guid> BuyAsync(PackType type, long quantity, Guid? accountId = null)
    {
        await using var db = Database.CreateDbContext();
        var spec = new PackSpec { SpecId = $"{type.Code}_{quantity}", PackTypeCode = type.Code, Quantity = quantity,
            PriceUnits = 0, ValidityMonths = 12 };
        var pack = ResourcePack.Create(accountId ?? AccountId, type, spec, PackOrigin.Purchased, Now, Calendar).Value!;
        db.ResourcePacks.Add(pack);
        await db.SaveChangesAsync();
        return pack.Id;
    }

    public async Task DeductAsync(Guid packId, long quantity)
    {
        await using var db = Database.CreateDbContext();
        var pack = await db.ResourcePacks.SingleAsync(p => p.Id == packId);
        Assert.True(pack.Deduct(quantity, Now, Calendar).IsOk);
        await db.SaveChangesAsync();
    }

    public async Task PostAsync(LedgerEntryKind kind, decimal amount)
    {
        await using var db = Database.CreateDbContext();
        var posted = await db.PostAsync(new PostLedgerEntryCommand(AccountId, kind, Money.Yuan(amount), "test",
            Guid.NewGuid().ToString("N")), Now, default);
        Assert.True(posted.IsOk, posted.Error);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();

    private static PackType Type(string code, string name, string nameEn, PackCycle cycle) => new()
    {
        Code = code, ProductCode = "P", Name = name, NameEn = nameEn, Cycle = cycle, CoveredMeters = "X",
    };
}
