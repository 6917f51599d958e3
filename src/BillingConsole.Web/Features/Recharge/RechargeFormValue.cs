namespace BillingConsole.Web.Features.Recharge;

/// <summary>What the recharge form hands to its page.</summary>
public sealed record RechargeFormValue(string Amount, string Method, bool AcknowledgeOriginalRoute);
