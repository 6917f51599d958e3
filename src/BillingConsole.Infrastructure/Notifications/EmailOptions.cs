namespace BillingConsole.Infrastructure.Notifications;

/// <summary>The <c>Email</c> configuration section (SPEC configuration keys).</summary>
public sealed class EmailOptions
{
    /// <summary>Where <c>.eml</c> files go when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>The From address.</summary>
    public string Sender { get; set; } = "billing@localhost";
    public string SenderName { get; set; } = "BillingConsole 费用中心";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Use TLS (SSL on connect or STARTTLS when the server offers it); off for a plain relay.</summary>
    public bool UseTls { get; set; }
}
