using Microsoft.AspNetCore.DataProtection;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>Endpoint secrets encrypted at rest with ASP.NET Core Data Protection (keys shared by every node).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("BillingConsole.Webhooks.EndpointSecret.v1");

    /// <summary>A new secret and its encrypted form: show the first once, store the second.</summary>
    public (string Secret, string Protected) New()
    {
        var secret = WebhookSignature.NewSecret();
        return (secret, protector.Protect(secret));
    }

    public string Reveal(string protectedSecret) => protector.Unprotect(protectedSecret);
}
