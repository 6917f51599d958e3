using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

public static class AlibabaOpenApiRegistration
{
    public static IServiceCollection AddAlibabaOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiOptions>().BindConfiguration("AlibabaOpenApi");
        services.AddSingleton<AccessKeySecrets>();
        services.AddSingleton<AccessKeysHandler>();
        services.AddSingleton(sp => new SignatureNonces(sp.GetRequiredService<IDbContextFactory<BillingDbContext>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DatabaseOptions>().IsSqlite ? sp.GetRequiredService<SqliteNonceBatcher>() : null));
        services.AddSingleton<SqliteNonceBatcher>();
        services.AddSingleton<OpenApiAuthenticator>();
        services.AddSingleton<IBssOperation, QueryAccountBalance>();
        services.AddSingleton<IBssOperation, QueryResourcePackageInstances>();
        services.AddSingleton<IBssOperation, QueryBillOverview>();
        services.AddSingleton<IBssOperation, QueryBill>();
        services.AddSingleton<IBssOperation, QueryAccountTransactions>();
        services.AddSingleton<IBssOperation, DescribeInstanceBill>();
        services.AddSingleton<IBssOperation, DescribeResourcePackageProduct>();
        services.AddSingleton<BssCatalog>();
        services.AddSingleton<CycleItems>();
        return services;
    }

    /// <summary>
    /// <c>AlibabaOpenApi:Enabled</c> (default true). Place it after the security headers and before the entitlement fast
    /// path and routing: it answers only <c>/</c> with <c>x-acs-action</c>, before anything can turn its errors into
    /// problem details or a page.
    /// </summary>
    public static IApplicationBuilder UseAlibabaOpenApi(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("AlibabaOpenApi:Enabled", true)
            ? app.UseMiddleware<OpenApiGateway>()
            : app;
}
