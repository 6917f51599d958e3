using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>Issue #22: <c>Logging:Json=true</c> writes one JSON object per line, and no secret ever reaches the log.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task EveryLine_IsOneJsonObject_WithoutSecrets()
    {
        const string password = "Json#Logs2026secret";
        const string bootstrapPassword = "Bootstrap#2026secret";
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Logging__Json"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Admin__Bootstrap__Email"] = "first-admin@example.com",
            ["Admin__Bootstrap__Password"] = bootstrapPassword,
        });
        var admin = app.Client(AppProcess.AdminToken);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = "Logs Co", ownerEmail = "logs@example.com", ownerPassword = password });
        created.EnsureSuccessStatusCode();
        var wrong = await app.Client("wrong-token-that-must-not-be-logged").GetAsync("/metrics");
        (await admin.PostAsync("/api/v1/admin/jobs/daily-billing/run", null)).EnsureSuccessStatusCode();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var lines = app.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 3, $"only {lines.Length} log lines:\n{app.StandardOutput}");
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
        Assert.Contains(lines, l => l.Contains("daily-billing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("created the administrator", StringComparison.Ordinal));
        var everything = app.StandardOutput + app.StandardError;
        Assert.DoesNotContain(AppProcess.AdminToken, everything);
        Assert.DoesNotContain("wrong-token-that-must-not-be-logged", everything);
        Assert.DoesNotContain(password, everything);
        Assert.DoesNotContain(bootstrapPassword, everything);
    }
}
