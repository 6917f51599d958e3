using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Pricing;
using BillingConsole.Web.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;

namespace BillingConsole.Web.Features.Operations;

/// <summary>What runs before the app serves: migrations, roles, catalog, demo data, recurring jobs.</summary>
public static class StartupTasks
{
    public static async Task InitializeAsync(this WebApplication app)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await DatabaseInitializer.MigrateAsync(app.Services, ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All.Where(r => !roles.RoleExistsAsync(r).GetAwaiter().GetResult()))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(ct);
        }
        await AdminBootstrap.RunAsync(app.Services, app.Configuration, app.Logger);
        if (app.Configuration.GetValue("Seed:Demo", app.Environment.IsDevelopment()))
        {
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        }
        RecurringJobs.Register(app.Services);
    }

    private static void PrintBanner(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? [];
        Console.WriteLine();
        Console.WriteLine("BillingConsole 费用中心 is running with demo data.");
        foreach (var address in addresses) Console.WriteLine($"  Open {address}");
        foreach (var login in DemoSeeder.Logins) Console.WriteLine($"  {login.Who,-28} {login.Email} / {login.Password}");
        Console.WriteLine();
    }
}
