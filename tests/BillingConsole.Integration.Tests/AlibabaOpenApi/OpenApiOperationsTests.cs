using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>
/// Issue #18: every served operation against an account with a bill, packs and ledger entries, checked for the SDK's
/// field types and against what <c>/api/v1</c> shows (ALIBABA-OPENAPI.md section 12), and isolated between accounts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiOperationsTests(OpenApiApp app) : IClassFixture<OpenApiApp>
{
    private static readonly DateTime Now = OpenApiApp.Now;
    private static readonly Dictionary<string, string> November = new() { ["BillingCycle"] = "2026-11" };

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private async Task<JsonElement> DataAsync(OpenApiAccount account, string action, Dictionary<string, string>? parameters = null)
    {
        var (status, body) = await Client().CallAsync(account.AccessKey, action, Now, parameters);
        Assert.True(status == 200, body.ToString());
        return body.GetProperty("Data");
    }

    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private static decimal DecString(JsonElement e, string name) =>
        decimal.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task QueryAccountBalance_EqualsTheAccountsCashBalance()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var api = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/account");

        var data = await DataAsync(account, "QueryAccountBalance");

        Assert.Equal(api.GetProperty("cashBalance").GetString(), data.GetProperty("AvailableCashAmount").GetString());
        Assert.Equal(JsonValueKind.String, data.GetProperty("AvailableAmount").ValueKind);
        Assert.Matches(@"^-?\d+\.\d{2}$", data.GetProperty("AvailableAmount").GetString()!);
    }

    [Fact]
    public async Task QueryResourcePackageInstances_ListsThePacks_PagedStably()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var packs = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/packs");

        var (_, all) = await Client().CallAsync(account.AccessKey, "QueryResourcePackageInstances", Now);
        var (_, second) = await Client().CallAsync(account.AccessKey, "QueryResourcePackageInstances", Now,
            new Dictionary<string, string> { ["PageNum"] = "2", ["PageSize"] = "1" });
        var (_, none) = await Client().CallAsync(account.AccessKey, "QueryResourcePackageInstances", Now,
            new Dictionary<string, string> { ["ExpiryTimeEnd"] = "2026-12-01T00:00:00Z" });

        Assert.Equal((2, 2), (all.GetProperty("Total").GetInt32(), packs.GetArrayLength()));
        Assert.Equal("2", all.GetProperty("Data").GetProperty("TotalCount").GetString());
        var instances = all.GetProperty("Data").GetProperty("Instances").GetProperty("Instance").EnumerateArray().ToList();
        foreach (var i in instances)
        {
            var pack = packs.EnumerateArray().Single(p => p.GetProperty("packId").GetString() == i.GetProperty("InstanceId").GetString());
            Assert.Equal(pack.GetProperty("total").GetInt64().ToString(), i.GetProperty("TotalAmount").GetString());
            Assert.Equal(pack.GetProperty("remaining").GetInt64().ToString(), i.GetProperty("RemainingAmount").GetString());
            Assert.InRange(long.Parse(i.GetProperty("RemainingAmount").GetString()!), 0, long.Parse(i.GetProperty("TotalAmount").GetString()!));
            Assert.Equal(("Available", "cloudauth", "次"), (i.GetProperty("Status").GetString(), i.GetProperty("CommodityCode").GetString(),
                i.GetProperty("TotalAmountUnit").GetString()));
            Assert.True(DateTime.Parse(i.GetProperty("EffectiveTime").GetString()!) < DateTime.Parse(i.GetProperty("ExpiryTime").GetString()!));
            Assert.Equal("cloudauth", i.GetProperty("ApplicableProducts").GetProperty("Product")[0].GetString());
        }
        var page2 = Assert.Single(second.GetProperty("Data").GetProperty("Instances").GetProperty("Instance").EnumerateArray());
        Assert.Equal(instances[1].GetProperty("InstanceId").GetString(), page2.GetProperty("InstanceId").GetString());
        Assert.Equal(0, none.GetProperty("Total").GetInt32());
        Assert.Equal(0, none.GetProperty("Data").GetProperty("Instances").GetProperty("Instance").GetArrayLength());
    }

    [Fact]
    public async Task QueryBillOverview_PayAsYouGoEqualsTheBillsPayable_AndOrdersAreSubscription()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var bills = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/bills?from=2026-11-01&to=2026-11-30");

        var data = await DataAsync(account, "QueryBillOverview", November);

        var items = data.GetProperty("Items").GetProperty("Item").EnumerateArray().ToList();
        Assert.Equal((account.AccountId.ToString(), "2026-11"), (data.GetProperty("AccountID").GetString(),
            data.GetProperty("BillingCycle").GetString()));
        var payg = Assert.Single(items, i => i.GetProperty("Item").GetString() == "PayAsYouGoBill");
        var billed = bills.EnumerateArray().Sum(b => decimal.Parse(b.GetProperty("payableAmount").GetString()!));
        Assert.Equal(billed, Dec(payg, "PretaxAmount"));
        Assert.Equal(Dec(payg, "PretaxGrossAmount") - DecString(payg, "RoundDownDiscount"), Dec(payg, "PretaxAmount"));
        Assert.Equal(Dec(payg, "PretaxAmount"), Dec(payg, "PaymentAmount") + Dec(payg, "OutstandingAmount"));
        Assert.Equal(JsonValueKind.Number, payg.GetProperty("PretaxAmount").ValueKind);
        Assert.Equal(JsonValueKind.String, payg.GetProperty("RoundDownDiscount").ValueKind);
        Assert.Equal(("cloudauth", "CNY", "PayAsYouGo"), (payg.GetProperty("ProductCode").GetString(),
            payg.GetProperty("Currency").GetString(), payg.GetProperty("SubscriptionType").GetString()));
        var orders = Assert.Single(items, i => i.GetProperty("Item").GetString() == "SubscriptionOrder");
        Assert.Equal(160.00m, Dec(orders, "PretaxAmount"));
        Assert.DoesNotContain(items, i => i.GetProperty("Item").GetString() == "Adjustment"); // the funding is a credit
    }

    [Fact]
    public async Task QueryBill_OneRowPerBillAndOrder_WithRecordIdsAndPaging()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var bills = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/bills?from=2026-11-01&to=2026-11-30");

        var data = await DataAsync(account, "QueryBill", November);
        var page = await DataAsync(account, "QueryBill", new() { ["BillingCycle"] = "2026-11", ["PageSize"] = "1", ["PageNum"] = "2" });
        var onlyBills = await DataAsync(account, "QueryBill", new() { ["BillingCycle"] = "2026-11", ["Type"] = "PayAsYouGoBill" });

        var items = data.GetProperty("Items").GetProperty("Item").EnumerateArray().ToList();
        Assert.Equal(2, data.GetProperty("TotalCount").GetInt32()); // the bill and the paid pack order (the free trial posts no charge)
        var bill = Assert.Single(bills.EnumerateArray());
        var row = Assert.Single(onlyBills.GetProperty("Items").GetProperty("Item").EnumerateArray());
        Assert.Equal(bill.GetProperty("billId").GetString(), row.GetProperty("RecordID").GetString());
        Assert.Equal(decimal.Parse(bill.GetProperty("payableAmount").GetString()!), Dec(row, "PretaxAmount"));
        Assert.Equal("2026-11-26 00:00:00", row.GetProperty("UsageStartTime").GetString());
        Assert.Equal("2026-11-26 23:59:59", row.GetProperty("UsageEndTime").GetString());
        Assert.Contains(row.GetProperty("Status").GetString(), new[] { "PayFinish", "PayUnclear" });
        Assert.Equal(items[1].GetProperty("RecordID").GetString(),
            Assert.Single(page.GetProperty("Items").GetProperty("Item").EnumerateArray()).GetProperty("RecordID").GetString());
    }

    [Fact]
    public async Task DescribeInstanceBill_DailyLinesPerService_MatchTheBillLines()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var bills = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/bills?from=2026-11-26&to=2026-11-26");
        var lines = bills[0].GetProperty("lines").EnumerateArray().ToList();

        var daily = await DataAsync(account, "DescribeInstanceBill",
            new() { ["BillingCycle"] = "2026-11", ["Granularity"] = "DAILY", ["BillingDate"] = "2026-11-26" });
        var first = await DataAsync(account, "DescribeInstanceBill", new() { ["BillingCycle"] = "2026-11", ["MaxResults"] = "1" });
        var rest = await DataAsync(account, "DescribeInstanceBill",
            new() { ["BillingCycle"] = "2026-11", ["MaxResults"] = "1", ["NextToken"] = first.GetProperty("NextToken").GetString()! });
        var missingDate = await Client().CallAsync(account.AccessKey, "DescribeInstanceBill", Now,
            new Dictionary<string, string> { ["BillingCycle"] = "2026-11", ["Granularity"] = "DAILY" });

        var items = daily.GetProperty("Items").EnumerateArray().ToList();
        Assert.Equal(lines.Count, items.Count);
        foreach (var line in lines)
        {
            var item = items.Single(i => i.GetProperty("InstanceID").GetString() == line.GetProperty("service").GetString());
            Assert.Equal(("2026-11-26", line.GetProperty("quantity").GetInt64().ToString()),
                (item.GetProperty("BillingDate").GetString(), item.GetProperty("Usage").GetString()));
            Assert.Equal(line.GetProperty("packDeductedQuantity").GetInt64().ToString(), item.GetProperty("DeductedByResourcePackage").GetString());
            Assert.Equal(decimal.Parse(line.GetProperty("grossAmount").GetString()!), Dec(item, "PretaxGrossAmount"));
            Assert.Equal(decimal.Parse(line.GetProperty("payableAmount").GetString()!), Dec(item, "PretaxAmount"));
            Assert.Equal(line.GetProperty("unitPrice").GetString(), item.GetProperty("ListPrice").GetString());
        }
        Assert.Equal(2, first.GetProperty("TotalCount").GetInt32());
        Assert.NotEqual("", first.GetProperty("NextToken").GetString());
        Assert.Equal("", rest.GetProperty("NextToken").GetString());
        Assert.NotEqual(first.GetProperty("Items")[0].GetProperty("InstanceID").GetString(),
            rest.GetProperty("Items")[0].GetProperty("InstanceID").GetString());
        Assert.Equal((400, "MissingParameter"), (missingDate.Status, missingDate.Body.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task QueryAccountTransactions_AreTheLedgerEntries_LastBalanceIsTheBalance()
    {
        var account = await OpenApiWorld.BilledAccountAsync(app);
        var api = app.Bearer(account.ApiKey);
        var ledger = await api.GetFromJsonAsync<JsonElement>("/api/v1/ledger?from=2026-11-01&to=2026-11-27");
        var balance = await DataAsync(account, "QueryAccountBalance");

        var data = await DataAsync(account, "QueryAccountTransactions",
            new() { ["CreateTimeStart"] = "2026-11-01T00:00:00Z", ["CreateTimeEnd"] = "2026-11-28T00:00:00Z", ["PageSize"] = "300" });
        var consumption = await DataAsync(account, "QueryAccountTransactions",
            new() { ["CreateTimeStart"] = "2026-11-01T00:00:00Z", ["TransactionType"] = "Consumption" });

        var rows = data.GetProperty("AccountTransactionsList").GetProperty("AccountTransactionsList").EnumerateArray().ToList();
        Assert.Equal(ledger.GetArrayLength(), data.GetProperty("TotalCount").GetInt32());
        Assert.Equal(ledger.EnumerateArray().Select(e => e.GetProperty("entryId").GetString()),
            rows.Select(r => r.GetProperty("TransactionNumber").GetString()));
        foreach (var (row, entry) in rows.Zip(ledger.EnumerateArray()))
        {
            var amount = decimal.Parse(entry.GetProperty("amount").GetString()!);
            Assert.Equal(Math.Abs(amount), DecString(row, "Amount"));
            Assert.Equal(amount < 0 ? "Expense" : "Income", row.GetProperty("TransactionFlow").GetString());
            Assert.Equal(entry.GetProperty("balanceAfter").GetString(), row.GetProperty("Balance").GetString());
        }
        Assert.Equal(balance.GetProperty("AvailableCashAmount").GetString(), rows[^1].GetProperty("Balance").GetString());
        Assert.Equal("Adjust", rows[0].GetProperty("TransactionType").GetString());
        Assert.Equal(ledger.EnumerateArray().Count(e => e.GetProperty("kind").GetString() is "pack_purchase" or "daily_bill"),
            consumption.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task DescribeResourcePackageProduct_ListsTheCatalogsPackTypes()
    {
        var account = await OpenApiWorld.NewAccountAsync(app);
        var catalog = await app.Bearer(account.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/packs/catalog");

        var data = await DataAsync(account, "DescribeResourcePackageProduct", new() { ["ProductCode"] = "cloudauth" });
        var unknown = await DataAsync(account, "DescribeResourcePackageProduct", new() { ["ProductCode"] = "ecs" });

        var package = Assert.Single(data.GetProperty("ResourcePackages").GetProperty("ResourcePackage").EnumerateArray());
        Assert.Equal("cloudauth", package.GetProperty("ProductCode").GetString());
        var types = package.GetProperty("PackageTypes").GetProperty("PackageType").EnumerateArray().ToList();
        Assert.Contains(types, t => t.GetProperty("Code").GetString() == "RP_CALLS");
        var fv = types.Single(t => t.GetProperty("Code").GetString() == "FV_CALLS");
        var specs = fv.GetProperty("Specifications").GetProperty("Specification").EnumerateArray().ToList();
        Assert.Equal(catalog.EnumerateArray().Count(s => s.GetProperty("packType").GetString() == "FV_CALLS"), specs.Count);
        var oneK = specs.Single(s => s.GetProperty("Value").GetString() == "FV_CALLS_1K");
        Assert.Equal("1,000次", oneK.GetProperty("Name").GetString());
        var duration = oneK.GetProperty("AvailableDurations").GetProperty("AvailableDuration")[0];
        Assert.Equal((12, "Month"), (duration.GetProperty("Value").GetInt32(), duration.GetProperty("Unit").GetString()));
        Assert.Equal(0, unknown.GetProperty("ResourcePackages").GetProperty("ResourcePackage").GetArrayLength());
    }

    [Fact]
    public async Task TwoAccounts_EachKeySeesOnlyItsOwnAccount()
    {
        var billed = await OpenApiWorld.BilledAccountAsync(app, "Billed");
        var empty = await OpenApiWorld.NewAccountAsync(app, "Empty");

        var billedBalance = await DataAsync(billed, "QueryAccountBalance");
        var emptyBalance = await DataAsync(empty, "QueryAccountBalance");
        var emptyPacks = await Client().CallAsync(empty.AccessKey, "QueryResourcePackageInstances", Now);
        var emptyBills = await DataAsync(empty, "QueryBill", November);
        var emptyLedger = await DataAsync(empty, "QueryAccountTransactions");
        var crossed = await Client().CallAsync(empty.AccessKey, "QueryBill", Now,
            new Dictionary<string, string> { ["BillingCycle"] = "2026-11", ["OwnerId"] = billed.AccountId.ToString() });

        Assert.NotEqual("0.00", billedBalance.GetProperty("AvailableCashAmount").GetString());
        Assert.Equal("0.00", emptyBalance.GetProperty("AvailableCashAmount").GetString());
        Assert.Equal(0, emptyPacks.Body.GetProperty("Total").GetInt32());
        Assert.Equal((0, empty.AccountId.ToString(), "Empty"), (emptyBills.GetProperty("TotalCount").GetInt32(),
            emptyBills.GetProperty("AccountID").GetString(), emptyBills.GetProperty("AccountName").GetString()));
        Assert.Equal(0, emptyLedger.GetProperty("TotalCount").GetInt32());
        Assert.Equal((403, "Forbidden"), (crossed.Status, crossed.Body.GetProperty("Code").GetString()));
    }
}
