using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;

namespace BillingConsole.Integration.Tests.Invoices;

/// <summary>API.md invoices routes; under CI they run on SQLite and again on PostgreSQL (BILLING_TEST_PROVIDER).</summary>
[Collection(HostCollection.Name)]
public sealed class InvoicesApiTests(InvoicesApiTests.App app) : IClassFixture<InvoicesApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static readonly object Title = new { titleType = "company", title = "阿里巴巴（中国）有限公司", taxId = "91330100716105852F" };

    /// <summary>An account that bought a 160.00 pack from a granted balance: 160.00 invoiceable.</summary>
    private async Task<HttpClient> AccountWithPackAsync()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync("发票测试公司");
        await using (var db = app.CreateDbContext())
        {
            await db.PostAsync(new PostLedgerEntryCommand(accountId, LedgerEntryKind.Adjustment, Money.Yuan(500m), "test",
                $"fund-{accountId}"), DateTime.UtcNow, default);
            await db.SaveChangesAsync();
        }
        var client = app.Bearer(key);
        (await client.PostAsJsonAsync("/api/v1/packs", new { specId = "FV_CALLS_1K" })).EnsureSuccessStatusCode();
        return client;
    }

    private static object Request(string amount) => new
    {
        amount, type = "general", titleType = "company", title = "阿里巴巴（中国）有限公司", taxId = "91330100716105852F",
        email = "ap@example.com",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task V2_Summary_CountsThePackNotTheGrant()
    {
        var client = await AccountWithPackAsync();
        var summary = await JsonAsync(await client.GetAsync("/api/v1/invoices/summary"));
        Assert.Equal(("160.00", "0.00", "0.00"), (summary.GetProperty("invoiceableAmount").GetString(),
            summary.GetProperty("invoicedAmount").GetString(), summary.GetProperty("requestedAmount").GetString()));
        Assert.Equal("pack", summary.GetProperty("months")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task V3_EightConcurrentRequests_NeverExceedTheInvoiceableAmount()
    {
        var client = await AccountWithPackAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/api/v1/invoices", Request("30.00"))));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var summary = await JsonAsync(await client.GetAsync("/api/v1/invoices/summary"));
        Assert.Equal(("10.00", "150.00"), (summary.GetProperty("invoiceableAmount").GetString(), summary.GetProperty("requestedAmount").GetString()));
        Assert.Equal(5, (await JsonAsync(await client.GetAsync("/api/v1/invoices"))).GetArrayLength());
    }

    [Fact]
    public async Task V3_ProblemDetails_NameEveryBrokenRule()
    {
        var client = await AccountWithPackAsync();
        var response = await client.PostAsJsonAsync("/api/v1/invoices", new
        {
            amount = "160.01", type = "special", titleType = "company", title = "某公司", taxId = "91330100716105852G", email = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "amount", "taxId", "email", "bankName", "bankAccount", "registeredAddress", "registeredPhone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var numeric = await client.PostAsJsonAsync("/api/v1/invoices", new { amount = 10, type = "general", titleType = "personal", title = "张三", email = "a@example.com" });
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
    }

    [Fact]
    public async Task V4_AdminIssueAndReject_WithTheAdminTokenOnly()
    {
        var client = await AccountWithPackAsync();
        var a = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", Request("100")))).GetProperty("invoiceId").GetGuid();
        var b = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/invoices", Request("60")))).GetProperty("invoiceId").GetGuid();
        var admin = app.Admin();

        var byAccountKey = await client.PostAsJsonAsync($"/api/v1/admin/invoices/{a}/issue", new { invoiceNumber = "12345678" });
        Assert.Contains(byAccountKey.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/invoices/{a}/issue", new { invoiceNumber = "123" })).StatusCode);
        var pdf = Convert.ToBase64String("%PDF-1.4\n%test\n"u8.ToArray());
        var issued = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/admin/invoices/{a}/issue", new { invoiceNumber = "12345678", pdf, pdfFileName = "a.pdf" }));
        var rejected = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/admin/invoices/{b}/reject", new { reason = "抬头有误" }));
        var again = await admin.PostAsJsonAsync($"/api/v1/admin/invoices/{b}/reject", new { reason = "again" });

        Assert.Equal(("issued", "12345678"), (issued.GetProperty("status").GetString(), issued.GetProperty("invoiceNumber").GetString()));
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var summary = await JsonAsync(await client.GetAsync("/api/v1/invoices/summary"));
        Assert.Equal(("60.00", "100.00"), (summary.GetProperty("invoiceableAmount").GetString(), summary.GetProperty("invoicedAmount").GetString()));
        var download = await client.GetAsync($"/api/v1/invoices/{a}/pdf");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }
}
