using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>
/// A recharge order (SPEC R1–R4). It is credited exactly once: the transition pending → succeeded is guarded by
/// <see cref="Version"/>, and the ledger entry it causes has the unique key <see cref="LedgerKey"/>.
/// </summary>
public sealed class Recharge
{
    private Recharge()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public long AmountUnits { get; private set; }
    public RechargeMethod Method { get; private set; }
    public RechargeStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    /// <summary>The payer ticked "money recharged by this method within 3 months is withdrawn by the original route".</summary>
    public bool AcknowledgedOriginalRoute { get; private set; }
    public string? GatewayTradeNo { get; private set; }
    /// <summary>The gateway whose notification (or query) credited it: <c>sandbox</c> or <c>alipay</c>; refunds go back there.</summary>
    public string? PaidThrough { get; private set; }
    /// <summary>Offline remittance: what staff saw arrive, which is what is credited.</summary>
    public long? AmountReceivedUnits { get; private set; }
    public string? ConfirmedByUserId { get; private set; }
    /// <summary>App-managed concurrency token: two notifications (or a notification and a cancel) cannot both win.</summary>
    public Guid Version { get; private set; }

    public Money Amount => Money.FromUnits(AmountUnits);
    /// <summary>What the ledger was (or will be) credited with.</summary>
    public Money CreditedAmount => Money.FromUnits(AmountReceivedUnits ?? AmountUnits);
    public string LedgerKey => LedgerKeyFor(Id);

    public static string LedgerKeyFor(Guid rechargeId) => $"recharge:{rechargeId}";

    public static Recharge Create(Guid accountId, Money amount, RechargeMethod method, bool acknowledgedOriginalRoute,
        DateTime nowUtc)
    {
        if (!amount.IsPositive || !amount.IsWholeFen)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A recharge is a positive amount in whole fen.");
        }
        if (method.IsGateway() && !acknowledgedOriginalRoute)
        {
            throw new ArgumentException("Alipay and online banking need the original-route acknowledgement.");
        }
        return new Recharge
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            AmountUnits = amount.Units,
            Method = method,
            Status = RechargeStatus.Pending,
            CreatedAtUtc = nowUtc,
            AcknowledgedOriginalRoute = acknowledgedOriginalRoute,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>SPEC R2: a verified gateway notification for this pending order and exactly its amount.</summary>
    public Result<Recharge> SucceedByGateway(Money paidAmount, string tradeNo, DateTime nowUtc, string gateway = "sandbox")
    {
        if (!Method.IsGateway()) return Result<Recharge>.Conflict("This recharge is not paid through a gateway.");
        if (Status != RechargeStatus.Pending) return Result<Recharge>.Conflict(NotPending(Status));
        if (paidAmount != Amount) return Result<Recharge>.Invalid("amount", "The paid amount does not match the order.");
        GatewayTradeNo = tradeNo;
        PaidThrough = gateway;
        return Complete(RechargeStatus.Succeeded, nowUtc);
    }

    /// <summary>SPEC R3: staff confirm the remittance with the amount that arrived; that amount is credited.</summary>
    public Result<Recharge> ConfirmRemittance(Money amountReceived, string confirmedBy, DateTime nowUtc)
    {
        if (Method != RechargeMethod.Offline) return Result<Recharge>.Conflict("Only offline remittances are confirmed by staff.");
        if (Status != RechargeStatus.Pending) return Result<Recharge>.Conflict(NotPending(Status));
        if (!amountReceived.IsPositive || !amountReceived.IsWholeFen)
        {
            return Result<Recharge>.Invalid("amountReceived", "The amount received must be greater than 0 with at most 2 decimals.");
        }
        AmountReceivedUnits = amountReceived.Units;
        ConfirmedByUserId = confirmedBy;
        return Complete(RechargeStatus.Succeeded, nowUtc);
    }

    /// <summary>The gateway closed the unpaid order (TRADE_CLOSED, or closed by reconciliation after its timeout).</summary>
    public Result<Recharge> Fail(DateTime nowUtc)
    {
        if (!Method.IsGateway()) return Result<Recharge>.Conflict("This recharge is not paid through a gateway.");
        return Status == RechargeStatus.Pending
            ? Complete(RechargeStatus.Failed, nowUtc)
            : Result<Recharge>.Conflict(NotPending(Status));
    }

    /// <summary>The payer cancelled at the cashier; a later payment notification credits nothing.</summary>
    public Result<Recharge> Cancel(DateTime nowUtc) => Status == RechargeStatus.Pending
        ? Complete(RechargeStatus.Cancelled, nowUtc)
        : Result<Recharge>.Conflict(NotPending(Status));

    private Result<Recharge> Complete(RechargeStatus status, DateTime nowUtc)
    {
        Status = status;
        CompletedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return Result<Recharge>.Ok(this);
    }

    /// <summary>Why a recharge that is no longer pending cannot change, one sentence per status so each translates whole.</summary>
    public static ResultMessage NotPending(RechargeStatus status) => status switch
    {
        RechargeStatus.Succeeded => "The recharge has already succeeded.",
        RechargeStatus.Failed => "The recharge has failed.",
        RechargeStatus.Cancelled => "The recharge was cancelled.",
        _ => "The recharge is pending.",
    };
}
