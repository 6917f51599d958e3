using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Notifications;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// Tells the owner about a decision on an invoice (SPEC V4): a message-center entry and outbox e-mails (to the request's
/// delivery address and the owners) in the decision's unit of work, bilingual like the alerts (docs/localization.md).
/// </summary>
internal static class InvoiceMessages
{
    public const string Kind = "invoice";

    public static async Task AddAsync(BillingDbContext db, Invoice invoice, DateTime nowUtc, CancellationToken ct, byte[]? pdf = null)
    {
        var amount = invoice.Amount.ToFenString();
        var (title, body) = invoice.Status switch
        {
            InvoiceStatus.Issued => ($"发票已开具 · Invoice issued: ¥{amount}",
                $"您申请的{TypeZh(invoice.Type)}（¥{amount}，抬头：{invoice.TitleName}）已开具，发票号码 {invoice.InvoiceNumber}，" +
                $"开票日期 {invoice.IssuedOn:yyyy-MM-dd}。" + (invoice.HasPdf ? "PDF 见附件，也可在费用中心「发票」页面下载。" : "纸质发票将邮寄至您填写的地址。") +
                $"\n\nYour invoice of ¥{amount} ({invoice.TitleName}) was issued: number {invoice.InvoiceNumber}, " +
                $"dated {invoice.IssuedOn:yyyy-MM-dd}. " + (invoice.HasPdf ? "The PDF is attached and on the Invoices page of the console." : "The paper invoice is posted to your address.")),
            InvoiceStatus.Rejected => ($"发票申请被驳回 · Invoice request rejected: ¥{amount}",
                $"您申请的{TypeZh(invoice.Type)}（¥{amount}，抬头：{invoice.TitleName}）被驳回，原因：{invoice.RejectionReason}。金额已恢复为可开票金额，可修改后重新申请。" +
                $"\n\nYour invoice request of ¥{amount} ({invoice.TitleName}) was rejected: {invoice.RejectionReason}. " +
                "The amount is invoiceable again; correct the request and apply again."),
            _ => ($"发票已红冲 · Invoice reversed: ¥{amount}",
                $"发票 {invoice.InvoiceNumber}（¥{amount}，抬头：{invoice.TitleName}）已红冲，原因：{invoice.ReversalReason}。金额已恢复为可开票金额。" +
                $"\n\nInvoice {invoice.InvoiceNumber} of ¥{amount} ({invoice.TitleName}) was reversed (红冲): {invoice.ReversalReason}. " +
                "The amount is invoiceable again."),
        };
        var notification = Notification.Create(invoice.AccountId, Kind, title, body, nowUtc);
        db.Notifications.Add(notification);
        var recipients = (await AlertRecipients.OwnerEmailsAsync(db, invoice.AccountId, ct)).Append(invoice.Email)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var to in recipients)
        {
            var subject = "[费用中心 BillingConsole] " + notification.Title;
            var email = OutboundEmail.Create(notification.Id, to,
                subject.Length <= Notification.TitleMaxLength ? subject : subject[..Notification.TitleMaxLength], notification.Body, nowUtc);
            // SPEC V4: the issued invoice travels with its e-mail.
            if (pdf is { Length: > 0 }) email.WithAttachment($"发票-{invoice.InvoiceNumber}.pdf", pdf);
            db.OutboundEmails.Add(email);
        }
    }

    public static string TypeZh(InvoiceType type) => type == InvoiceType.Special ? "增值税专用发票" : "电子普通发票";
}
