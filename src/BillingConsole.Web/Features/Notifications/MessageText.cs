using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.Pricing;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Notifications;

/// <summary>
/// A message-center entry written from what its alert saw (pack type, remaining, threshold, trigger; balance and alert
/// amount) in the reader's language, instead of the bilingual text stored when it fired (issue #15). A message without
/// its occurrence (written by an older version) shows its stored text.
/// </summary>
public static class MessageText
{
    public static string Title(IStringLocalizer l, CatalogNameBook names, NotificationRow row) => row.Facts switch
    {
        { Kind: AlertOccurrence.KindLowBalance, ThresholdUnits: { } threshold } =>
            l["Message.LowBalance.Title", Yuan(threshold)],
        { Kind: AlertOccurrence.KindExhausted } when row.PackType is { } type =>
            l["Message.Exhausted.Title", names.PackType(l, type)],
        { Kind: AlertOccurrence.KindRatio } when row.PackType is { } type =>
            l["Message.Ratio.Title", names.PackType(l, type), row.ThresholdPercent ?? 0],
        _ => row.Title,
    };

    public static string Body(IStringLocalizer l, CatalogNameBook names, NotificationRow row) => row.Facts switch
    {
        { Kind: AlertOccurrence.KindLowBalance, BalanceUnits: { } balance, ThresholdUnits: { } threshold } =>
            l["Message.LowBalance.Body", Yuan(balance), Yuan(threshold)],
        { Kind: AlertOccurrence.KindExhausted or AlertOccurrence.KindRatio } when row.PackType is { } type =>
            l["Message.Quota.Body", names.PackType(l, type), Count(row.Remaining), Count(row.Total),
                (row.RatioPercent ?? 0).ToString("0.##", CultureInfo.InvariantCulture), row.ThresholdPercent ?? 0, Trigger(l, row.Trigger)],
        _ => row.Body,
    };

    private static string Trigger(IStringLocalizer l, string? trigger) =>
        Enum.TryParse<QuotaAlertTrigger>(trigger, out var t) ? l["Trigger." + t] : trigger ?? "";

    private static string Yuan(long units) => "¥" + Money.FromUnits(units).ToFenString();

    private static string Count(long? value) => (value ?? 0).ToString("N0", CultureInfo.InvariantCulture);
}
