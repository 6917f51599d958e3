using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.QuotaAlerts;

/// <summary>Arranges packs directly in the app's database (the pack purchase handlers arrive with issue #4).</summary>
internal static class AlertPacks
{
    public static async Task<Guid> GrantAsync(BillingAppFactory app, Guid accountId, string packType)
    {
        await using var db = app.CreateDbContext();
        var type = await db.PackTypes.SingleAsync(t => t.Code == packType);
        var spec = await db.PackSpecs.Where(s => s.PackTypeCode == packType && !s.Trial).OrderBy(s => s.Quantity).FirstAsync();
        var calendar = app.Services.GetRequiredService<BillingCalendar>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var pack = ResourcePack.Create(accountId, type, spec, PackOrigin.Purchased, now, calendar).Value!;
        db.ResourcePacks.Add(pack);
        await db.SaveChangesAsync();
        return pack.Id;
    }

    /// <summary>Deducts until remaining / total is the given percentage.</summary>
    public static async Task DeductToPercentAsync(BillingAppFactory app, Guid packId, int percent)
    {
        await using var db = app.CreateDbContext();
        var pack = await db.ResourcePacks.SingleAsync(p => p.Id == packId);
        var calendar = app.Services.GetRequiredService<BillingCalendar>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var target = pack.Total * percent / 100;
        Assert.True(pack.Deduct(pack.Remaining - target, now, calendar).IsOk);
        await db.SaveChangesAsync();
    }
}
