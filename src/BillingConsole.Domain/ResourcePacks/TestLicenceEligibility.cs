using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>SPEC P13: an account gets at most two free 30-day test licences, ever (expired ones still count).</summary>
public static class TestLicenceEligibility
{
    public const int MaxTestLicences = 2;

    /// <summary>The test licence to create, or a Conflict when the account has used up its free ones.</summary>
    public static Result<DeviceLicence> Take(Guid accountId, IEnumerable<DeviceLicence> accountLicences, DateTime nowUtc)
    {
        var taken = accountLicences.Count(l => l.AccountId == accountId && l.IsTest);
        if (taken >= MaxTestLicences)
        {
            return Result<DeviceLicence>.Conflict($"An account gets {MaxTestLicences} free test licences; they have been used.");
        }
        return Result<DeviceLicence>.Ok(DeviceLicence.CreateTest(accountId, nowUtc, slot: taken + 1));
    }
}
