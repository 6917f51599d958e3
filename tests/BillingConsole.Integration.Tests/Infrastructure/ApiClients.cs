using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>HTTP clients for the API as a machine client uses it: bearer tokens, JSON, no cookies.</summary>
public static class ApiClients
{
    public const string AdminToken = "test-admin-token-0123456789";

    public static HttpClient Bearer(this BillingAppFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient Admin(this BillingAppFactory factory) => factory.Bearer(AdminToken);

    public sealed record CreatedAccount(Guid AccountId, string OwnerEmail);

    public sealed record CreatedKey(Guid KeyId, string Key);

    /// <summary>Creates an account through the admin API and returns it with a fresh API key.</summary>
    public static async Task<(Guid AccountId, string Key)> NewAccountWithKeyAsync(this BillingAppFactory factory, string? name = null)
    {
        var admin = factory.Admin();
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = name ?? "Test Co", ownerEmail = email, ownerPassword = "Owner#2026pw" });
        created.EnsureSuccessStatusCode();
        var account = (await created.Content.ReadFromJsonAsync<CreatedAccount>())!;
        var keyResponse = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{account.AccountId}/api-keys", new { name = "test" });
        keyResponse.EnsureSuccessStatusCode();
        var key = (await keyResponse.Content.ReadFromJsonAsync<CreatedKey>())!;
        return (account.AccountId, key.Key);
    }
}
