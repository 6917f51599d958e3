using BillingConsole.Infrastructure;
using BillingConsole.Web.Api;
using BillingConsole.Web.Components;
using BillingConsole.Web.Components.Account;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Forecasts;
using BillingConsole.Web.Features.AlibabaOpenApi;
using BillingConsole.Web.Features.Alipay;
using BillingConsole.Web.Features.AlipaySimulator;
using BillingConsole.Web.Features.Invoices;
using BillingConsole.Web.Features.Localization;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Jobs;
using BillingConsole.Web.Security;
using MudBlazor.Services;

// Operator commands (docs/deploy.md "Backups"): backup --to <file>, restore --from <file>.
if (BackupCommands.IsCommand(args)) return await BackupCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(HostLayout.Options(args));
builder.UseBuildStaticWebAssets();
builder.UseJsonLogsIfEnabled();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddBillingPersistence(builder.Configuration, builder.Environment);
builder.Services.AddBillingIdentity();
builder.Services.AddBillingApi();
builder.Services.AddApiProblemResponses();
builder.Services.AddSecureCookies();
builder.Services.AddOperations(builder.Configuration);
builder.Services.AddJobs(builder.Configuration, builder.Environment);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddResourcePacks();
builder.Services.AddSettlement();
builder.Services.AddQuotaAlerts();
builder.Services.AddForecasts();
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddRecharge(builder.Configuration);
builder.Services.AddAlipay(builder.Configuration);
builder.Services.AddAlipaySimulator(builder.Configuration);
builder.Services.AddMetering(builder.Configuration);
builder.Services.AddSupport(builder.Configuration);
builder.Services.AddConsoleLocalization();
builder.Services.AddAlibabaOpenApi();
builder.Services.AddInvoices();

var app = builder.Build();
app.CheckStaticAssets();

app.UseForwardedHeadersIfEnabled(app.Configuration);
app.UseSecureCookies();
app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
// Answers the common entitlement check before routing and the rest of the pipeline (issue #7); everything else
// falls through. Routing is placed explicitly after it: otherwise WebApplication runs routing first.
// The Alibaba Cloud compatible OpenAPI (issue #18): `/` with an x-acs-action header, answered before everything below.
app.UseAlibabaOpenApi();
app.UseEntitlementFastPath();
app.UseRouting();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiProblemResponses();
app.UseRequestBodyLimits();
app.UseConsoleAssets();
app.UseConsoleLocalization();
app.UseFormErrorPage();
app.UseRateLimiter();
app.UseAuthentication();
app.UseActor();
app.UseAuthorization();
app.UseAntiforgery();
app.UseIdempotencyKeys();

app.MapStaticAssets();
app.MapOpenApi();
app.MapHealthEndpoints();
app.MapJobsDashboard();
app.MapJobEndpoints();
app.MapAccountEndpoints();
app.MapAccessKeyEndpoints();
app.MapRechargeEndpoints();
app.MapSandboxEndpoints();
app.MapAlipayEndpoints();
app.MapAlipaySimulatorEndpoints();
app.MapMeteringEndpoints();
app.MapSettlementEndpoints();
app.MapQuotaAlertEndpoints();
app.MapForecastEndpoints();
app.MapWebhookEndpoints();
app.MapResourcePacksEndpoints();
app.MapSupportEndpoints();
app.MapInvoicesEndpoints();
app.MapStatementsEndpoints();
app.MapCultureEndpoints();
// Pages post small forms (sign-in, registration, settings); issue #16 gives every route a body limit.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithRequestSizeLimit(RequestBodyLimits.PageFormBytes);
app.MapAdditionalIdentityEndpoints();

await app.InitializeAsync();
await app.RunAsync();
return 0;
