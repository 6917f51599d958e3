using System.Globalization;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// Turns a fired alert into its message-center entry and outbox e-mails, added to the caller's context so that the
/// occurrence, the message and the e-mails commit together (SPEC A5: a failed send never loses the message).
/// </summary>
internal static class AlertMessages
{
    public static void AddQuota(Infrastructure.Persistence.BillingDbContext db, QuotaAlert alert, string typeName,
        IReadOnlyList<string> recipients)
    {
        var occurrence = AlertOccurrence.FromQuota(alert);
        var ratio = alert.RatioPercent.ToString("0.##", CultureInfo.InvariantCulture);
        var title = alert.Kind == QuotaAlertKind.Exhausted
            ? $"{typeName} used up 资源包已用尽"
            : $"{typeName} below {alert.ThresholdPercent}% 额度预警";
        var body = $"Pack type {typeName} ({alert.PackTypeCode}): {alert.Remaining:N0} of {alert.Total:N0} left " +
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
        var title = $"Balance below ¥{alert.Threshold.ToFenString()} 余额预警";
        var body = $"Your cash balance is ¥{alert.Balance.ToFenString()}, below the alert amount " +
                   $"¥{alert.Threshold.ToFenString()} (after a {alert.Cause.ToString().ToLowerInvariant()}). " +
                   "Recharge to keep the service running; an account in arrears is suspended after the grace period.";
        var payload = new NotificationPayload(occurrence.Id, null, null, null, null, null, alert.Cause.ToString());
        Add(db, occurrence, Notification.Create(alert.AccountId, Notification.KindLowBalance, title, body, alert.AtUtc,
            payload), recipients);
    }

    private static void Add(Infrastructure.Persistence.BillingDbContext db, AlertOccurrence occurrence,
        Notification notification, IReadOnlyList<string> recipients)
    {
        db.AlertOccurrences.Add(occurrence);
        db.Notifications.Add(notification);
        foreach (var to in recipients)
        {
            var subject = "[BillingConsole 费用中心] " + notification.Title;
            if (subject.Length > Notification.TitleMaxLength) subject = subject[..Notification.TitleMaxLength];
            db.OutboundEmails.Add(OutboundEmail.Create(notification.Id, to, subject, notification.Body,
                notification.CreatedAtUtc));
        }
    }
}
