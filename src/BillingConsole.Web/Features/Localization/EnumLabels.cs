using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Localization;

/// <summary>The names of statuses, kinds and methods as the console shows them, in one place for owner and staff pages.</summary>
public static class EnumLabels
{
    public static string Label(this IStringLocalizer localizer, LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Recharge => localizer["Recharge"],
        LedgerEntryKind.DailyBill => localizer["Daily bill"],
        LedgerEntryKind.PackPurchase => localizer["Pack purchase"],
        LedgerEntryKind.Refund => localizer["Refund"],
        LedgerEntryKind.Withdrawal => localizer["Withdrawal"],
        LedgerEntryKind.Adjustment => localizer["Adjustment"],
        LedgerEntryKind.LicencePurchase => localizer["Licence purchase"],
        _ => kind.ToString(),
    };

    public static string Label(this IStringLocalizer localizer, PackStatus status) => status switch
    {
        PackStatus.Active => localizer["PackStatus.Active"],
        PackStatus.Exhausted => localizer["Exhausted"],
        PackStatus.Expired => localizer["Expired"],
        PackStatus.Unsubscribed => localizer["Unsubscribed"],
        _ => status.ToString(),
    };

    public static string Label(this IStringLocalizer localizer, RechargeMethod method) => method switch
    {
        RechargeMethod.Alipay => localizer["Alipay"],
        RechargeMethod.Bank => localizer["Online banking"],
        _ => localizer["Offline remittance"],
    };

    public static string Label(this IStringLocalizer localizer, RechargeStatus status) => status switch
    {
        RechargeStatus.Succeeded => localizer["Succeeded"],
        RechargeStatus.Pending => localizer["Pending"],
        RechargeStatus.Cancelled => localizer["Cancelled"],
        _ => localizer["Failed"],
    };

    public static string Label(this IStringLocalizer localizer, BillStatus status) =>
        status == BillStatus.Paid ? localizer["Paid"] : localizer["Outstanding"];

    public static string Label(this IStringLocalizer localizer, WithdrawalStatus status) => status switch
    {
        WithdrawalStatus.Approved => localizer["Approved"],
        WithdrawalStatus.Rejected => localizer["Rejected"],
        _ => localizer["Requested"],
    };

    /// <summary>A catalog unit ("call", "minute") for a quantity; an unknown unit shows as the catalog names it.</summary>
    public static string Unit(this IStringLocalizer localizer, string unit, long quantity)
    {
        var text = localizer[(quantity == 1 ? "Unit." : "Units.") + unit];
        return !text.ResourceNotFound ? text.Value : quantity == 1 ? unit : unit + "s";
    }

    /// <summary>Catalog data carries a Chinese and an English name; the console shows the one of its culture.</summary>
    public static string Name(this IStringLocalizer localizer, string chinese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(english) ? chinese : english;
}
