using System.Net.Http.Json;
using System.Text.Json;

namespace BillingConsole.Integration.Tests.ScaleOut;

/// <summary>Arranging the two-node scenarios through the public API, as an operator's automation would.</summary>
internal static class TwoNodeWorld
{
    public static async Task<(Guid AccountId, string Key)> NewAccountWithKeyAsync(AppNode node)
    {
        using var admin = node.Admin();
        var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = "Scale-out Co", ownerEmail = $"owner-{Guid.NewGuid():N}@example.com", ownerPassword = "Owner#2026pw" });
        created.EnsureSuccessStatusCode();
        var accountId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("accountId").GetGuid();
        var key = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/api-keys", new { name = "scale-out" });
        key.EnsureSuccessStatusCode();
        return (accountId, JsonDocument.Parse(await key.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!);
    }

    /// <summary>Noon of yesterday in Asia/Shanghai (UTC+8, no daylight saving), in UTC: an ended day in the window.</summary>
    public static DateTime YesterdayNoonShanghaiUtc()
    {
        var shanghaiToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return shanghaiToday.AddDays(-1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc).AddHours(-8);
    }
}
