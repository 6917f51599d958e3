namespace BillingConsole.Domain.Invoicing;

/// <summary>发票抬头类型 (SPEC V1).</summary>
public enum InvoiceTitleKind
{
    Company,
    Personal,
}

/// <summary>SPEC V3: 电子普通发票 (<c>general</c>) or 增值税专用发票 (<c>special</c>).</summary>
public enum InvoiceType
{
    General,
    Special,
}

/// <summary>SPEC V3, V4: requested (reserved), then issued or rejected; an issued invoice can be reversed (红冲).</summary>
public enum InvoiceStatus
{
    Requested,
    Issued,
    Rejected,
    Reversed,
}

/// <summary>Where invoiceable money comes from (SPEC V2); refunds are negative.</summary>
public enum InvoiceableSourceKind
{
    BillPaid,
    PackPurchase,
    LicencePurchase,
    Refund,
}
