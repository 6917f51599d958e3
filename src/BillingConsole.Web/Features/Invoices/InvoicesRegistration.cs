namespace BillingConsole.Web.Features.Invoices;

public static class InvoicesRegistration
{
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        // Singletons: no state; each opens a context per operation.
        services.AddSingleton<RequestInvoiceHandler>();
        services.AddSingleton<InvoiceTitlesHandler>();
        services.AddSingleton<DecideInvoiceHandler>();
        services.AddSingleton<GetInvoicesHandler>();
        services.AddSingleton<GetStatementHandler>();
        return services;
    }
}
