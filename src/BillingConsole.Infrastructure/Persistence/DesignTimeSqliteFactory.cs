using Microsoft.EntityFrameworkCore.Design;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteBillingDbContext</c> work without the web host.</summary>
internal sealed class DesignTimeSqliteFactory : IDesignTimeDbContextFactory<SqliteBillingDbContext>
{
    public SqliteBillingDbContext CreateDbContext(string[] args) =>
        new(SqliteBillingDbContext.StandaloneOptions("Data Source=design.db"));
}
