using System.Security.Claims;
using System.Text.Json;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// The built-in sandbox gateway (SPEC R2). Paying at its cashier produces a notification signed exactly as a real
/// gateway's would be and hands the raw bytes to the same verification and processing code as the notify route
/// (in process, so it works behind any proxy or port; docs/recharge.md).
/// </summary>
public sealed class SandboxPaymentGateway(IOptions<PaymentOptions> options, SandboxSigner signer,
    ProcessPaymentNotificationHandler notify, CompleteRechargeHandler complete, GetRechargesHandler recharges,
    IOptions<BillingConsole.Web.Features.Alipay.AlipayOptions>? alipay = null) : IPaymentGateway
{
    /// <summary>Off while Alipay is the gateway (API.md): its orders are never paid at the sandbox cashier.</summary>
    public bool IsAvailable => options.Value.Sandbox.Enabled && alipay?.Value.Enabled != true;

    public string PayUrl(BillingConsole.Domain.Payments.Recharge recharge) =>
        $"/sandbox/cashier/{recharge.Id}?t={signer.CashierToken(recharge.Id)}";

    /// <summary>
    /// A payable order, but only for the signed-in owner of its account or a holder of the cashier's signed link
    /// (<paramref name="token"/>, from <see cref="PayUrl"/>); for anyone else it does not exist (issue #16).
    /// </summary>
    public async Task<RechargeRow?> FindForPayerAsync(Guid rechargeId, string? token, ClaimsPrincipal? user, CancellationToken ct)
    {
        var row = await FindPayableAsync(rechargeId, ct);
        if (row is null) return null;
        var owner = Guid.TryParse(user?.FindFirst(BillingClaims.AccountId)?.Value, out var accountId) && accountId == row.AccountId;
        return owner || signer.VerifyCashierToken(rechargeId, token) ? row : null;
    }

    /// <summary>What the cashier shows: only pending Alipay / online-banking orders.</summary>
    public async Task<RechargeRow?> FindPayableAsync(Guid rechargeId, CancellationToken ct) =>
        IsAvailable && await recharges.FindAsync(rechargeId, ct) is { } row && row.Method.IsGateway() ? row : null;

    public async Task<Result<NotifyReply>> PayAsync(Guid rechargeId, CancellationToken ct)
    {
        var row = await FindPayableAsync(rechargeId, ct);
        if (row is null) return Result<NotifyReply>.NotFound("No such order at the sandbox cashier.");
        if (row.Status != RechargeStatus.Pending) return Result<NotifyReply>.Conflict(BillingConsole.Domain.Payments.Recharge.NotPending(row.Status));
        var body = JsonSerializer.SerializeToUtf8Bytes(new SandboxNotification("sbx-" + Guid.NewGuid().ToString("N"),
            row.RechargeId, "SBX" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant(), row.Amount.ToFenString(), "paid"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var timestamp = signer.NowTimestamp();
        return Result<NotifyReply>.Ok(await notify.HandleAsync(timestamp, signer.Sign(timestamp, body), body, ct));
    }

    public async Task<Result<RechargeRow>> CancelAsync(Guid rechargeId, CancellationToken ct) =>
        await FindPayableAsync(rechargeId, ct) is null
            ? Result<RechargeRow>.NotFound("No such order at the sandbox cashier.")
            : await complete.CancelAsync(rechargeId, ct);
}
