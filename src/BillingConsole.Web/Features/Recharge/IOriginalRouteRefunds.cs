using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// The gateway side of an approved withdrawal's original-route lines (SPEC R5): planned in the approval's unit of work,
/// executed after it commits (and retried by reconciliation when that fails).
/// </summary>
public interface IOriginalRouteRefunds
{
    Task PlanAsync(BillingDbContext db, Withdrawal withdrawal, DateTime nowUtc, CancellationToken ct);

    Task ExecuteAsync(Guid withdrawalId, CancellationToken ct);
}
