using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RechargeOrder = BillingConsole.Domain.Payments.Recharge;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>SPEC R1: a recharge order as the form or the API sends it (amount as text, exactly as typed).</summary>
public sealed record CreateRechargeCommand(Guid AccountId, string? Amount, string? Method, bool AcknowledgeOriginalRoute);

public sealed record CreatedRecharge(Guid RechargeId, RechargeStatus Status, RechargeMethod Method, Money Amount,
    string? PayUrl, string? RemittanceCode);

public sealed class CreateRechargeHandler(IDbContextFactory<BillingDbContext> dbFactory, IPaymentGateway gateway,
    IOptions<PaymentOptions> options, TimeProvider clock)
{
    public async Task<Result<CreatedRecharge>> HandleAsync(CreateRechargeCommand cmd, CancellationToken ct)
    {
        var errors = Validate(cmd, options.Value.MaxRecharge, out var amount, out var method);
        if (errors.Count > 0) return Result<CreatedRecharge>.Invalid("The recharge could not be created.", errors);
        if (method.IsGateway() && !gateway.IsAvailable)
        {
            return Result<CreatedRecharge>.Conflict("Online payment is not available here; use offline remittance.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == cmd.AccountId, ct);
        if (account is null) return Result<CreatedRecharge>.NotFound("The account does not exist.");
        var recharge = RechargeOrder.Create(account.Id, amount, method, cmd.AcknowledgeOriginalRoute && method.IsGateway(),
            clock.GetUtcNow().UtcDateTime);
        db.Recharges.Add(recharge);
        await db.SaveChangesAsync(ct);
        return Result<CreatedRecharge>.Ok(new CreatedRecharge(recharge.Id, recharge.Status, method, amount,
            method.IsGateway() ? gateway.PayUrl(recharge) : null,
            method == RechargeMethod.Offline ? account.RemittanceCode : null));
    }

    /// <summary>The rules of the form (SPEC R1); the page shows the same messages next to its fields.</summary>
    public static Dictionary<string, ResultMessage[]> Validate(CreateRechargeCommand cmd, decimal maxRecharge, out Money amount,
        out RechargeMethod method)
    {
        var errors = new Dictionary<string, ResultMessage[]>();
        if (AmountError(cmd.Amount, maxRecharge, out amount) is { } amountError) errors["amount"] = [amountError];
        if (!RechargeMethods.TryParse(cmd.Method, out method))
        {
            errors["method"] = ["Choose a method: alipay, bank or offline."];
        }
        else if (method.IsGateway() && !cmd.AcknowledgeOriginalRoute)
        {
            errors["acknowledgeOriginalRoute"] =
                ["Confirm that money recharged by this method within 3 months can only be withdrawn by the original route."];
        }
        return errors;
    }

    public static ResultMessage? AmountError(string? text, decimal maxRecharge, out Money amount)
    {
        if (string.IsNullOrWhiteSpace(text)) { amount = Money.Zero; return "Enter an amount."; }
        if (!Money.TryParse(text, 2, out amount)) return "Enter an amount in yuan with at most 2 decimals.";
        if (!amount.IsPositive) return "The amount must be greater than 0.";
        if (amount.Amount > maxRecharge)
        {
            return $"One recharge is at most ¥{maxRecharge:#,##0.00}.";
        }
        return null;
    }
}
