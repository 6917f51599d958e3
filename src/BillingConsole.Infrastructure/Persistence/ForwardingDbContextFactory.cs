using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>Hands out the provider's context as the neutral <see cref="BillingDbContext"/> that features use.</summary>
internal sealed class ForwardingDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<BillingDbContext> where TContext : BillingDbContext
{
    public BillingDbContext CreateDbContext() => inner.CreateDbContext();
}
