using Microsoft.EntityFrameworkCore.Design;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresBillingDbContext</c> work without a server.</summary>
internal sealed class DesignTimePostgresFactory : IDesignTimeDbContextFactory<PostgresBillingDbContext>
{
    public PostgresBillingDbContext CreateDbContext(string[] args) =>
        new(PostgresBillingDbContext.StandaloneOptions("Host=localhost;Database=billing_design"));
}
