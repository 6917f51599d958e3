using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// Identity shapes its tables from <c>IdentityOptions.Stores.SchemaVersion</c>, read from the application's service
/// provider. Contexts built outside the app (design-time migrations, tests) get this provider, so they see the same
/// model as the running app (Version3: passkeys) and migrations never drift.
/// </summary>
public static class IdentityModelServices
{
    public static readonly Version SchemaVersion = IdentitySchemaVersions.Version3;

    public static IServiceProvider Provider { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = SchemaVersion)
        .BuildServiceProvider();
}
