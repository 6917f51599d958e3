using System.Globalization;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// 9.6: bill lines per service. <c>Granularity=DAILY</c> (with <c>BillingDate</c>): the lines of that usage day;
/// <c>MONTHLY</c> (the default): the cycle's lines summed per service. Paged by <c>MaxResults</c> and an opaque
/// <c>NextToken</c>; <c>Items</c> is a plain array here.
/// </summary>
internal sealed class DescribeInstanceBill(CycleItems cycles) : IBssOperation
{
    public string Action => nameof(DescribeInstanceBill);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var p = call.Parameters;
        var cycle = p.Cycle("BillingCycle", required: true)!.Value;
        var daily = p.OneOf("Granularity", "MONTHLY", "DAILY") is { } g && g.Equals("DAILY", StringComparison.OrdinalIgnoreCase);
        DateOnly? date = null;
        if (daily)
        {
            p.Required("BillingDate");
            date = p.Day("BillingDate");
            if (date!.Value.Year != cycle.Year || date.Value.Month != cycle.Month) throw OpenApiParameters.Invalid("BillingDate");
        }
        var maxResults = p.Int("MaxResults", 20, 1, OpenApiParameters.MaxPageSize);
        var offset = Offset(p.Get("NextToken"));
        var hideZero = p.Bool("IsHideZeroCharge");
        var instance = p.Get("InstanceID");
        var product = p.Get("ProductCode") ?? p.Get("PipCode");
        var subscription = p.Get("SubscriptionType");

        var data = await cycles.LoadAsync(call.AccountId, cycle, ct);
        var lines = data.Lines.Where(l => (date is null || l.Line.UsageDay == date)
                && (instance is null || instance == l.Line.Service) && BssCatalog.IsProduct(product, l.Product)
                && (subscription is null || subscription == "PayAsYouGo") && p.Get("ProductType") is null)
            .ToList();
        var groups = daily
            ? lines.OrderBy(l => l.Line.Service, StringComparer.Ordinal).Select(l => new[] { l }).ToList()
            : lines.GroupBy(l => l.Line.Service).OrderBy(g2 => g2.Key, StringComparer.Ordinal).Select(g2 => g2.ToArray()).ToList();
        var rows = groups.Select(group => Row(data, group, date))
            .Where(r => !hideZero || (decimal)r["PretaxGrossAmount"] != 0m).ToList();
        var page = rows.Skip(offset).Take(maxResults).ToList();
        var next = offset + page.Count < rows.Count ? Token(offset + page.Count) : "";
        return BssEnvelope.Success(call.RequestId, new
        {
            AccountID = data.Account.AccountId.ToString(),
            AccountName = data.Account.Name,
            BillingCycle = BillFields.CycleText(cycle),
            MaxResults = maxResults,
            NextToken = next,
            TotalCount = rows.Count,
            Items = page,
        });
    }

    private static Dictionary<string, object> Row(CycleData data, CycleLine[] lines, DateOnly? date)
    {
        var first = lines[0];
        var service = first.Line.Service;
        var meter = data.Catalog.Meters.GetValueOrDefault(service);
        var unit = BssCatalog.UnitText(meter?.Unit ?? "call");
        var fields = BillFields.Amounts(data, "PayAsYouGoBill", first.Product, "PayAsYouGo",
            CycleItems.Sum(lines, l => l.Line.Gross), CycleItems.Sum(lines, l => l.Line.RoundDownDiscount),
            CycleItems.Sum(lines, l => l.Line.Payable), CycleItems.Sum(lines, l => l.Outstanding));
        var name = meter?.Name ?? service;
        fields["BillingDate"] = date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        fields["InstanceID"] = service;
        fields["BillingItem"] = name;
        fields["BillingItemCode"] = service;
        fields["ItemName"] = name;
        fields["BillingType"] = "Usage";
        fields["Usage"] = lines.Sum(l => l.Line.Quantity).ToString(CultureInfo.InvariantCulture);
        fields["UsageUnit"] = unit;
        // The latest price in the group (a price change within the month shows the newer one).
        fields["ListPrice"] = lines.OrderBy(l => l.Line.UsageDay).Last().Line.UnitPrice.ToExactString();
        fields["ListPriceUnit"] = "元/" + unit;
        fields["DeductedByResourcePackage"] = lines.Sum(l => l.Line.PackDeductedQuantity).ToString(CultureInfo.InvariantCulture);
        fields["AfterDiscountAmount"] = fields["PretaxAmount"];
        fields["BillAccountID"] = data.Account.AccountId.ToString();
        fields["BillAccountName"] = data.Account.Name;
        fields.Remove("PretaxAmountLocal");
        fields.Remove("Tax");
        fields.Remove("AfterTaxAmount");
        fields.Remove("PaymentCurrency");
        fields.Remove("RoundDownDiscount");
        foreach (var empty in (string[])["BizType", "CostUnit", "Region", "Zone", "InstanceConfig", "InstanceSpec", "InternetIP",
                     "IntranetIP", "NickName", "ResourceGroup", "ServicePeriod", "ServicePeriodUnit", "Tag"])
        {
            fields[empty] = "";
        }
        return fields;
    }

    private static string Token(int offset) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string? token)
    {
        if (token is null) return 0;
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        throw OpenApiParameters.Invalid("NextToken");
    }
}
