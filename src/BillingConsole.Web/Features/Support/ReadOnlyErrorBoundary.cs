using BillingConsole.Infrastructure.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Wraps the page body: a write refused under impersonation (from any feature's handler) becomes a snackbar and the
/// page carries on, instead of the circuit dying. Other errors show the error content, as ErrorBoundary does.
/// </summary>
public sealed class ReadOnlyErrorBoundary : ErrorBoundary
{
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> L { get; set; } = default!;

    [Inject] private ILogger<ReadOnlyErrorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (Find(exception) is { } refused)
        {
            Snackbar.Add(ReadOnlyText.For(L, refused.Message), Severity.Warning);
            // Leave the error state once the boundary has finished handling this one, so the next refusal is caught too.
            _ = InvokeAsync(async () =>
            {
                await Task.Yield();
                Recover();
            });
            return Task.CompletedTask;
        }
        Logger.LogError(exception, "ReadOnlyErrorBoundary: unhandled error in a page");
        return Task.CompletedTask;
    }

    // A refused write keeps the page (same component instances, same state); any other error shows the error content.
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is { } error && Find(error) is null)
        {
            if (ErrorContent is not null)
            {
                builder.AddContent(1, ErrorContent, error);
            }
            else
            {
                builder.OpenElement(2, "div");
                builder.AddAttribute(3, "class", "blazor-error-boundary");
                builder.CloseElement();
            }
            return;
        }
        builder.AddContent(0, ChildContent);
    }

    private static ReadOnlyImpersonationException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is ReadOnlyImpersonationException r) return r;
        }
        return null;
    }
}
