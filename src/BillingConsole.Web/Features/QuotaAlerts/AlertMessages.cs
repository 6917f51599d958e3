using System.Globalization;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// Turns a fired alert into its message-center entry and outbox e-mails, added to the caller's context so that the
/// occurrence, the message and the e-mails commit together (SPEC A5: a failed send never loses the message).
/// An alert is written once for every reader (owner, alert contacts, the message center in either culture), so its
/// text is bilingual: Simplified Chinese first, then English (docs/localization.md).
/// </summary>
internal static class AlertMessages
{
    public static void AddQuota(Infrastructure.Persistence.BillingDbContext db, QuotaAlert alert,
        (string Zh, string En) typeName, IReadOnlyList<string> recipients)
    {
        var occurrence = AlertOccurrence.FromQuota(alert);
        var ratio = alert.RatioPercent.ToString("0.##", CultureInfo.InvariantCulture);
        var remaining = alert.Remaining.ToString("N0", CultureInfo.InvariantCulture);
        var total = alert.Total.ToString("N0", CultureInfo.InvariantCulture);
        var title = alert.Kind == QuotaAlertKind.Exhausted
            ? $"{typeName.Zh}已用尽 · {typeName.En} used up"
            : $"{typeName.Zh}剩余低于 {alert.ThresholdPercent}% · {typeName.En} below {alert.ThresholdPercent}%";
        var body = $"资源包类型 {typeName.Zh}（{alert.PackTypeCode}）剩余 {remaining} / {total}（{ratio}%），" +
                   $"预警阈值 {alert.ThresholdPercent}%，触发：{TriggerZh(alert.Trigger)}。请购买或升级资源包以继续抵扣；" +
                   "未被资源包覆盖的用量按量付费。\n\n" +
                   $"Pack type {typeName.En} ({alert.PackTypeCode}): {remaining} of {total} left " +
                   $"({ratio}%), alert threshold {alert.ThresholdPercent}%. Trigger: {alert.Trigger}. " +
                   "Buy or upgrade a pack to keep usage covered; what no pack covers is billed pay-as-you-go.";
        var payload = new NotificationPayload(occurrence.Id, alert.PackTypeCode, alert.ThresholdPercent,
            alert.Remaining, alert.Total, occurrence.RatioBasisPoints, alert.Trigger.ToString());
        Add(db, occurrence, Notification.Create(alert.AccountId, Notification.KindQuotaAlert, title, body, alert.AtUtc,
            payload), recipients);
    }

    public static void AddLowBalance(Infrastructure.Persistence.BillingDbContext db, LowBalanceAlert alert,
        IReadOnlyList<string> recipients)
    {
        var occurrence = AlertOccurrence.FromLowBalance(alert);
        var title = $"余额低于 ¥{alert.Threshold.ToFenString()} · Balance below ¥{alert.Threshold.ToFenString()}";
        var body = $"您的现金余额为 ¥{alert.Balance.ToFenString()}，低于预警金额 ¥{alert.Threshold.ToFenString()}。" +
                   "请及时充值；欠费的账户在宽限期结束后停服。\n\n" +
                   $"Your cash balance is ¥{alert.Balance.ToFenString()}, below the alert amount " +
                   $"¥{alert.Threshold.ToFenString()} (after a {alert.Cause.ToString().ToLowerInvariant()}). " +
                   "Recharge to keep the service running; an account in arrears is suspended after the grace period.";
        var payload = new NotificationPayload(occurrence.Id, null, null, null, null, null, alert.Cause.ToString());
        Add(db, occurrence, Notification.Create(alert.AccountId, Notification.KindLowBalance, title, body, alert.AtUtc,
            payload), recipients);
    }

    private static string TriggerZh(QuotaAlertTrigger trigger) => trigger switch
    {
        QuotaAlertTrigger.Deduction => "抵扣",
        QuotaAlertTrigger.Expiry => "资源包到期",
        QuotaAlertTrigger.Unsubscribe => "退订",
        QuotaAlertTrigger.Purchase => "购买",
        QuotaAlertTrigger.Upgrade => "升级",
        QuotaAlertTrigger.Renewal => "续费",
        QuotaAlertTrigger.SettingChanged => "预警设置变更",
        _ => "定时检查",
    };

    private static void Add(Infrastructure.Persistence.BillingDbContext db, AlertOccurrence occurrence,
        Notification notification, IReadOnlyList<string> recipients)
    {
        db.AlertOccurrences.Add(occurrence);
        db.Notifications.Add(notification);
        foreach (var to in recipients)
        {
            var subject = "[费用中心 BillingConsole] " + notification.Title;
            if (subject.Length > Notification.TitleMaxLength) subject = subject[..Notification.TitleMaxLength];
            db.OutboundEmails.Add(OutboundEmail.Create(notification.Id, to, subject, notification.Body,
                notification.CreatedAtUtc));
        }
    }
}
