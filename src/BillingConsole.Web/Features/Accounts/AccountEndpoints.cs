using System.Security.Claims;
using BillingConsole.Domain.Accounts;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Accounts;

/// <summary>API.md <c>GET /api/v1/account</c> and the admin account routes.</summary>
public static class AccountEndpoints
{
    public sealed record AccountResponse(Guid AccountId, string Name, string Status, string CashBalance, DateTime? ArrearsSince);

    public sealed record CreateAccountRequest(string? Name, string? OwnerEmail, string? OwnerPassword);

    public sealed record CreatedAccountResponse(Guid AccountId, string OwnerEmail);

    public sealed record CreateApiKeyRequest(string? Name);

    public sealed record CreatedApiKeyResponse(Guid KeyId, string Key);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountApi().MapGet("/account", GetAccountAsync).WithName("GetAccount").WithTags("Account");
        var admin = app.MapAdminApi().WithTags("Admin");
        admin.MapPost("/accounts", CreateAccountAsync).WithName("AdminCreateAccount");
        admin.MapPost("/accounts/{accountId:guid}/api-keys", CreateApiKeyAsync).WithName("AdminCreateApiKey");
        return app;
    }

    /// <summary>The longest e-mail address SMTP can carry (RFC 5321: a 256-octet path less the angle brackets).</summary>
    public const int MaxEmailLength = 254;

    public static string StatusName(AccountStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<IResult> GetAccountAsync(ClaimsPrincipal user, GetAccountSummaryHandler handler, CancellationToken ct)
    {
        var summary = await handler.HandleAsync(user.AccountId(), ct);
        return summary is null
            ? ApiProblems.Problem(404, "The account does not exist.")
            : TypedResults.Ok(new AccountResponse(summary.AccountId, summary.Name, StatusName(summary.Status),
                summary.Balance.ToFenString(), summary.ArrearsSinceUtc));
    }

    private static async Task<IResult> CreateAccountAsync(CreateAccountRequest body, OpenAccountHandler handler, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = ["name is required."];
        if (string.IsNullOrWhiteSpace(body.OwnerEmail) || !System.Net.Mail.MailAddress.TryCreate(body.OwnerEmail, out _))
        {
            errors["ownerEmail"] = ["ownerEmail must be an e-mail address."];
        }
        else if (body.OwnerEmail.Trim().Length > MaxEmailLength)
        {
            errors["ownerEmail"] = [$"ownerEmail is at most {MaxEmailLength} characters (RFC 5321)."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The account could not be created.");
        // Without a password the owner sets one through "forgot password"; the generated one is never shown.
        var password = body.OwnerPassword ?? "Gen#" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        var result = await handler.HandleAsync(new OpenAccountCommand(body.Name!, body.OwnerEmail!.Trim(), password), ct);
        return result.ToHttp(a => TypedResults.Created($"/api/v1/admin/accounts/{a.AccountId}",
            new CreatedAccountResponse(a.AccountId, a.OwnerEmail)));
    }

    private static async Task<IResult> CreateApiKeyAsync(Guid accountId, CreateApiKeyRequest? body, ApiKeysHandler handler,
        CancellationToken ct)
    {
        var result = await handler.CreateAsync(new CreateApiKeyCommand(accountId, body?.Name, null), ct);
        return result.ToHttp(k => TypedResults.Created($"/api/v1/admin/accounts/{accountId}/api-keys/{k.KeyId}",
            new CreatedApiKeyResponse(k.KeyId, k.Secret)));
    }
}
