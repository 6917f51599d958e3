using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Infrastructure;

/// <summary>ADR-002: every model change has a migration in both sets; this fails on drift for either provider.</summary>
public sealed class MigrationsInStepTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteBillingDbContext(SqliteBillingDbContext.StandaloneOptions("Data Source=:memory:"));

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run 'dotnet ef migrations add' for SqliteBillingDbContext.");
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        using var db = new PostgresBillingDbContext(PostgresBillingDbContext.StandaloneOptions("Host=localhost;Database=none"));

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: run 'dotnet ef migrations add' for PostgresBillingDbContext.");
    }
}
