using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>SPEC J1 / API.md: <c>payment-reconciliation</c>, every 5 minutes and on demand.</summary>
public sealed class PaymentReconciliationJob(AlipayReconciliation reconciliation) : IBillingJob
{
    public string Id => RecurringJobs.PaymentReconciliation;

    public Task<string> RunAsync(CancellationToken ct) => reconciliation.RunAsync(ct);
}
