using System.Globalization;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>9.3: the cycle's bill summed per (item type, product, billing method).</summary>
internal sealed class QueryBillOverview(CycleItems cycles) : IBssOperation
{
    public string Action => nameof(QueryBillOverview);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var p = call.Parameters;
        var cycle = p.Cycle("BillingCycle", required: true)!.Value;
        var data = await cycles.LoadAsync(call.AccountId, cycle, ct);
        var rows = BillFields.Filter(data.Items, p)
            .GroupBy(i => (i.Item, i.Product, i.SubscriptionType))
            .OrderBy(g => g.Key.Product, StringComparer.Ordinal).ThenBy(g => g.Key.Item, StringComparer.Ordinal)
            .Select(g =>
            {
                var fields = BillFields.Amounts(data, g.Key.Item, g.Key.Product, g.Key.SubscriptionType,
                    CycleItems.Sum(g, i => i.Gross), CycleItems.Sum(g, i => i.RoundDown), CycleItems.Sum(g, i => i.Pretax),
                    CycleItems.Sum(g, i => i.Outstanding));
                fields["BillAccountID"] = data.Account.AccountId.ToString();
                fields["BillAccountName"] = data.Account.Name;
                fields["BizType"] = "";
                return fields;
            }).ToList();
        return BssEnvelope.Success(call.RequestId, new
        {
            AccountID = data.Account.AccountId.ToString(),
            AccountName = data.Account.Name,
            BillingCycle = BillFields.CycleText(cycle),
            Items = new { Item = rows },
        });
    }
}

/// <summary>9.5: one row per daily bill and product, pack order, pack refund and staff charge of the cycle, paged.</summary>
internal sealed class QueryBill(CycleItems cycles, BillingCalendar calendar) : IBssOperation
{
    public string Action => nameof(QueryBill);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var p = call.Parameters;
        var cycle = p.Cycle("BillingCycle", required: true)!.Value;
        var pageNum = p.Int("PageNum", 1, 1, int.MaxValue);
        var pageSize = p.Int("PageSize", 20, 1, OpenApiParameters.MaxPageSize);
        var hideZero = p.Bool("IsHideZeroCharge");
        var data = await cycles.LoadAsync(call.AccountId, cycle, ct);
        var items = BillFields.Filter(data.Items, p).Where(i => p.Get("Type") is not { } type || type == i.Item)
            .Where(i => !hideZero || !i.Gross.IsZero || !i.Pretax.IsZero).ToList();
        var rows = items.Skip((pageNum - 1) * pageSize).Take(pageSize).Select(i =>
        {
            var fields = BillFields.Amounts(data, i.Item, i.Product, i.SubscriptionType, i.Gross, i.RoundDown, i.Pretax, i.Outstanding);
            fields["RecordID"] = i.RecordId;
            fields["Status"] = i.Outstanding.IsPositive ? "PayUnclear" : "PayFinish";
            fields["PaymentTime"] = BillFields.LocalText(calendar, i.TimeUtc);
            fields["PaymentTransactionID"] = i.TransactionId ?? "";
            fields["SubOrderId"] = i.Item == "PayAsYouGoBill" ? "" : i.RecordId;
            fields["UsageStartTime"] = i.UsageDay is { } day ? BillFields.LocalText(calendar, calendar.DayStartUtc(day)) : "";
            fields["UsageEndTime"] = i.UsageDay is { } end ? BillFields.LocalText(calendar, calendar.DayEndUtc(end).AddSeconds(-1)) : "";
            return fields;
        }).ToList();
        return BssEnvelope.Success(call.RequestId, new
        {
            AccountID = data.Account.AccountId.ToString(),
            AccountName = data.Account.Name,
            BillingCycle = BillFields.CycleText(cycle),
            PageNum = pageNum,
            PageSize = pageSize,
            TotalCount = items.Count,
            Items = new { Item = rows },
        });
    }
}

/// <summary>The item fields QueryBillOverview and QueryBill share, with Alibaba's names and types (section 9.3).</summary>
internal static class BillFields
{
    public static IEnumerable<CycleItem> Filter(IEnumerable<CycleItem> items, OpenApiParameters p)
    {
        var product = p.Get("ProductCode");
        var subscription = p.Get("SubscriptionType");
        var productType = p.Get("ProductType");
        return items.Where(i => BssCatalog.IsProduct(product, i.Product) && (subscription is null || subscription == i.SubscriptionType)
            && productType is null);
    }

    public static Dictionary<string, object> Amounts(CycleData data, string item, string product, string subscriptionType,
        Money gross, Money roundDown, Money pretax, Money outstanding)
    {
        var code = BssCatalog.ProductCode(product);
        var name = data.Catalog.ProductName(product);
        var paid = pretax - outstanding;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Item"] = item,
            ["ProductCode"] = code,
            ["ProductName"] = name,
            ["ProductType"] = "",
            ["ProductDetail"] = name,
            ["PipCode"] = code,
            ["CommodityCode"] = code,
            ["SubscriptionType"] = subscriptionType,
            ["Currency"] = BssCatalog.Currency,
            ["PaymentCurrency"] = BssCatalog.Currency,
            ["OwnerID"] = data.Account.AccountId.ToString(),
            ["PretaxGrossAmount"] = gross.Amount,
            ["InvoiceDiscount"] = 0m,
            ["RoundDownDiscount"] = BssCatalog.MoneyString(roundDown),
            ["PretaxAmount"] = pretax.Amount,
            ["PretaxAmountLocal"] = pretax.Amount,
            ["DeductedByCashCoupons"] = 0m,
            ["DeductedByCoupons"] = 0m,
            ["DeductedByPrepaidCard"] = 0m,
            ["AdjustAmount"] = 0m,
            ["PaymentAmount"] = paid.Amount,
            ["CashAmount"] = paid.Amount,
            ["OutstandingAmount"] = outstanding.Amount,
            ["Tax"] = 0m,
            ["AfterTaxAmount"] = pretax.Amount,
        };
    }

    public static string CycleText(DateOnly cycle) => cycle.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Alibaba's bill times: <c>yyyy-MM-dd HH:mm:ss</c> without a zone, in the billing time zone (Beijing time).</summary>
    public static string LocalText(BillingCalendar calendar, DateTime utc) =>
        calendar.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
