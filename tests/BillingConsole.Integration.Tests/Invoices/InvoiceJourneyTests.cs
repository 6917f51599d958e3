using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Invoices;

/// <summary>
/// SPEC V1–V4 in the browser (zh-CN): the owner adds a title and requests an invoice for the whole invoiceable amount,
/// support staff issue it with a PDF, the owner downloads exactly that PDF.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class InvoiceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_RequestsTheInvoiceableAmount_StaffIssueWithAPdf_OwnerDownloadsIt()
    {
        Guid accountId;
        await using (var db = app.Factory.CreateDbContext())
        {
            accountId = await db.Accounts.Where(a => a.Name == DemoSeeder.DemoAccountName).Select(a => a.Id).SingleAsync();
        }
        var bought = await app.Factory.Services.GetRequiredService<PurchasePackHandler>()
            .HandleAsync(new PurchasePackCommand(accountId, "FV_CALLS_1K"), default); // 160.00 paid: invoiceable
        Assert.True(bought.IsOk, bought.Error);

        var owner = await app.NewPageAsync();
        await Journey.SignInAsync(owner, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await owner.GotoAsync("/invoices");
        await Journey.WaitForInteractiveAsync(owner);
        var invoiceable = (await owner.Locator("[data-testid=invoiceable-amount]").InnerTextAsync()).Trim();
        await owner.Locator("[data-testid=title-add]").ClickAsync();
        await owner.Locator(Journey.Field("title-name")).FillAsync("演示科技有限公司");
        await owner.Locator(Journey.Field("title-taxid")).FillAsync("91330100716105852G");
        await Assertions.Expect(owner.Locator("[data-testid=title-form]")).ToContainTextAsync("校验码");
        await owner.Locator(Journey.Field("title-taxid")).FillAsync("91330100716105852F");
        await owner.Locator("[data-testid=title-save]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=title-row]")).ToContainTextAsync("91330100716105852F");
        var amount = await owner.Locator(Journey.Field("request-amount")).InputValueAsync();
        Assert.Equal(invoiceable, "¥" + amount);
        await Journey.ScreenshotAsync(owner, "invoices-01-request");
        await owner.Locator("[data-testid=request-submit]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=invoice-status]").First).ToContainTextAsync("待开具");
        await Assertions.Expect(owner.Locator("[data-testid=invoiceable-amount]")).ToHaveTextAsync("¥0.00");

        var staff = await app.NewPageAsync();
        await Journey.SignInAsync(staff, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        await staff.GotoAsync("/staff/invoices");
        await Journey.WaitForInteractiveAsync(staff);
        await staff.Locator("[data-testid=queue-issue]").First.ClickAsync();
        await staff.Locator(Journey.Field("issue-number")).FillAsync("26332000000123456789");
        var pdfBytes = "%PDF-1.4\n% 演示发票 journey\n%%EOF\n"u8.ToArray();
        await staff.Locator("[data-testid=issue-pdf]").SetInputFilesAsync(new FilePayload
        {
            Name = "invoice.pdf", MimeType = "application/pdf", Buffer = pdfBytes,
        });
        await Journey.ScreenshotAsync(staff, "invoices-02-staff-issue");
        await staff.Locator("[data-testid=issue-submit]").ClickAsync();
        await Assertions.Expect(staff.Locator("[data-testid=issue-form]")).ToHaveCountAsync(0);

        await owner.ReloadAsync();
        await Journey.WaitForInteractiveAsync(owner);
        await Assertions.Expect(owner.Locator("[data-testid=invoice-status]").First).ToContainTextAsync("已开具");
        await Assertions.Expect(owner.Locator("[data-testid=invoice-history]")).ToContainTextAsync("26332000000123456789");
        await Journey.ScreenshotAsync(owner, "invoices-03-issued");
        var href = await owner.Locator("[data-testid=invoice-pdf]").First.GetAttributeAsync("href");
        var download = await owner.Context.APIRequest.GetAsync(new Uri(new Uri(app.BaseUrl), href!).ToString());
        Assert.Equal(200, download.Status);
        Assert.Equal(pdfBytes, await download.BodyAsync());
    }
}
