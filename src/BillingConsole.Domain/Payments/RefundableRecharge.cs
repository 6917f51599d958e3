using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>A succeeded recharge as the withdrawal split sees it: what it credited and what was refunded from it.</summary>
public sealed record RefundableRecharge(Guid RechargeId, RechargeMethod Method, DateTime CompletedAtUtc, Money Credited,
    Money AlreadyRefunded);
