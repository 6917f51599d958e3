namespace BillingConsole.Infrastructure.Notifications;

/// <summary>
/// Writes each message as an <c>.eml</c> file (demo and development machines without a mail server). The file is
/// written under a temporary name and renamed, so a reader never sees half a message.
/// </summary>
public sealed class PickupDirectoryNotificationSender(string directory, EmailOptions options, TimeProvider clock)
    : INotificationSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var now = clock.GetUtcNow();
        using var mime = MimeMessages.Build(message, options.Smtp, now);
        var name = $"{now:yyyyMMddTHHmmss}-{Guid.NewGuid():N}";
        var temp = Path.Combine(Directory, name + ".tmp");
        await mime.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(Directory, name + ".eml"));
    }
}
