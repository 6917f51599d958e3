namespace BillingConsole.Domain.Invoicing;

/// <summary>The PDF of an issued invoice as staff uploaded it (SPEC V4); kept apart so lists never load it.</summary>
public sealed class InvoiceDocument
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string PdfContentType = "application/pdf";

    private InvoiceDocument()
    {
        FileName = string.Empty;
        Content = [];
    }

    public Guid InvoiceId { get; private set; }
    public string FileName { get; private set; }
    public byte[] Content { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Only a PDF (it starts with <c>%PDF-</c>) of at most <see cref="MaxBytes"/> is accepted.</summary>
    public static string? Check(string? fileName, long length, ReadOnlySpan<byte> head)
    {
        if (length <= 0) return "The PDF file is empty.";
        if (length > MaxBytes) return "The PDF may be at most 5 MB.";
        if (fileName is null || !fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || !head.StartsWith("%PDF-"u8))
        {
            return "Upload the invoice as a PDF file.";
        }
        return null;
    }

    public static InvoiceDocument Create(Guid invoiceId, string fileName, byte[] content, DateTime nowUtc)
    {
        if (Check(fileName, content.Length, content) is { } error) throw new ArgumentException(error, nameof(content));
        var name = Path.GetFileName(fileName);
        return new InvoiceDocument
        {
            InvoiceId = invoiceId,
            FileName = name.Length <= 200 ? name : name[^200..],
            Content = content,
            UploadedAtUtc = nowUtc,
        };
    }
}
