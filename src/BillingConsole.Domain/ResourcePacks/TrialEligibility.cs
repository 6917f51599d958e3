using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// SPEC P2: the free trial pack can be taken once per account and pack type, and only while no pack of that type
/// was bought. Staff grants do not count as bought; a bought pack that was later unsubscribed still does, and so
/// does an earlier trial in any state.
/// </summary>
public static class TrialEligibility
{
    /// <summary>Decides whether <paramref name="accountId"/> may take <paramref name="trialSpec"/>.</summary>
    /// <param name="accountPacks">Every pack the account holds or held, in any status.</param>
    /// <returns>The trial spec when eligible; a Conflict with the reason otherwise.</returns>
    public static Result<PackSpec> Check(Guid accountId, PackSpec trialSpec, IEnumerable<ResourcePack> accountPacks)
    {
        if (!trialSpec.Trial) return Result<PackSpec>.Invalid("This pack is not a trial pack.");
        var sameType = accountPacks
            .Where(p => p.AccountId == accountId && p.PackTypeCode == trialSpec.PackTypeCode)
            .ToList();
        if (sameType.Any(p => p.Origin == PackOrigin.Trial))
        {
            return Result<PackSpec>.Conflict("The free trial of this pack type has already been taken.");
        }
        if (sameType.Any(p => p.Origin == PackOrigin.Purchased))
        {
            return Result<PackSpec>.Conflict("The free trial is only for accounts that have not bought this pack type.");
        }
        return Result<PackSpec>.Ok(trialSpec);
    }
}
