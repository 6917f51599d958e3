using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>
/// The original-route part of an approved withdrawal that goes back through the gateway (SPEC R5): one refund against
/// one recharge. Its <see cref="OutRequestNo"/> never changes, so every retry is the same request to the gateway,
/// which refunds it at most once; succeeded is final.
/// </summary>
public sealed class GatewayRefund
{
    private GatewayRefund()
    {
        OutRequestNo = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid WithdrawalId { get; private set; }
    public Guid WithdrawalLineId { get; private set; }
    public Guid RechargeId { get; private set; }
    public Guid AccountId { get; private set; }
    public long AmountUnits { get; private set; }
    /// <summary>Alipay's <c>out_request_no</c>: letters and digits, stable across retries.</summary>
    public string OutRequestNo { get; private set; }
    public GatewayRefundStatus Status { get; private set; }
    public int Attempts { get; private set; }
    /// <summary>Why the last attempt did not succeed; shown to staff, cleared on success.</summary>
    public string? LastError { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? LastAttemptAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public Guid Version { get; private set; }

    public Money Amount => Money.FromUnits(AmountUnits);

    public static GatewayRefund For(Guid withdrawalId, Guid withdrawalLineId, Guid rechargeId, Guid accountId, Money amount,
        DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        WithdrawalId = withdrawalId,
        WithdrawalLineId = withdrawalLineId,
        RechargeId = rechargeId,
        AccountId = accountId,
        AmountUnits = amount.Units,
        OutRequestNo = "R" + withdrawalLineId.ToString("N"),
        Status = GatewayRefundStatus.Pending,
        CreatedAtUtc = nowUtc,
        Version = Guid.NewGuid(),
    };

    public void Attempted(string? error, DateTime nowUtc)
    {
        if (Status == GatewayRefundStatus.Succeeded) return;
        Attempts++;
        LastAttemptAtUtc = nowUtc;
        if (error is null)
        {
            Status = GatewayRefundStatus.Succeeded;
            CompletedAtUtc = nowUtc;
            LastError = null;
        }
        else
        {
            LastError = error.Length > 500 ? error[..500] : error;
        }
        Version = Guid.NewGuid();
    }
}

public enum GatewayRefundStatus
{
    /// <summary>Not yet confirmed by the gateway (never tried, or the last try failed: retried).</summary>
    Pending,
    Succeeded,
}
