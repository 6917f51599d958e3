using BillingConsole.Infrastructure.Notifications;

namespace BillingConsole.Web.Security;

/// <summary>
/// Registration answers the same whether or not the e-mail is already in use (issue #16): the difference goes to the
/// address's own mailbox. A new owner gets a welcome; the owner of an existing address learns that someone tried to
/// register with it and how to sign in or reset the password. A mail that cannot be handed over is logged, never shown.
/// </summary>
public sealed class RegistrationMails(INotificationSender sender, ILogger<RegistrationMails> logger)
{
    public Task WelcomeAsync(string email, string accountName, string signInUrl) => SendAsync(new EmailMessage(email,
        "Your BillingConsole account is open / 您的 BillingConsole 账号已开通",
        $"The account \"{accountName}\" is open and this address signs in as its owner: {signInUrl}\n\n" +
        $"账号“{accountName}”已开通，您可以用此邮箱以所有者身份登录：{signInUrl}\n"));

    public Task AddressInUseAsync(string email, string signInUrl, string resetUrl) => SendAsync(new EmailMessage(email,
        "Someone tried to register with your address / 有人尝试用您的邮箱注册",
        "Someone tried to open a new BillingConsole account with this e-mail address, which already signs in. " +
        $"If it was you, sign in: {signInUrl}\nForgot the password? Reset it: {resetUrl}\n" +
        "If it was not you, you need not do anything.\n\n" +
        $"有人尝试用此邮箱注册新的 BillingConsole 账号，但此邮箱已可登录。如果是您本人，请登录：{signInUrl}\n" +
        $"忘记密码？请重置：{resetUrl}\n如果不是您本人，无需处理。\n"));

    private async Task SendAsync(EmailMessage message)
    {
        try
        {
            await sender.SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Registration mail to {To} could not be handed over", message.To);
        }
    }
}
