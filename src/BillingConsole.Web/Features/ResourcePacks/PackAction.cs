namespace BillingConsole.Web.Features.ResourcePacks;

public enum PackActionKind { Upgrade, Renew, Unsubscribe }

/// <summary>An action a person picked on a pack instance of the overview.</summary>
public sealed record PackAction(PackActionKind Kind, PackRow Pack);
