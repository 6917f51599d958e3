using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillingConsole.Infrastructure.Notifications;

public static class NotificationsRegistration
{
    /// <summary>The e-mail sender: SMTP when <c>Email:Smtp:Host</c> is set, else the pickup directory.</summary>
    public static IServiceCollection AddBillingEmail(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
            sp.GetRequiredService<IConfiguration>().GetSection("Email").Get<EmailOptions>() ?? new EmailOptions());
        services.AddSingleton<INotificationSender>(sp =>
        {
            var options = sp.GetRequiredService<EmailOptions>();
            var clock = sp.GetRequiredService<TimeProvider>();
            if (!string.IsNullOrWhiteSpace(options.Smtp.Host)) return new SmtpNotificationSender(options, clock);
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new PickupDirectoryNotificationSender(Path.GetFullPath(options.PickupDirectory, root), options, clock);
        });
        return services;
    }
}
