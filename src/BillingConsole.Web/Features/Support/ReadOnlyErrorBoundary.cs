using BillingConsole.Infrastructure.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The backstop around the page body and the dialog provider (MainLayout): a write refused under impersonation that
/// did not go through a <c>WriteButton</c> becomes the same snackbar and audit row (<see cref="ReadOnlyWrites"/>) and
/// the circuit lives on. The renderer disposes the failed subtree, so the page (or the open dialog) starts afresh.
/// Other errors show the error content, as ErrorBoundary does.
/// </summary>
public sealed class ReadOnlyErrorBoundary : ErrorBoundary
{
    [Inject] private ReadOnlyWrites Writes { get; set; } = default!;

    [Inject] private ILogger<ReadOnlyErrorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (Find(exception) is { } refused)
        {
            _ = Writes.RefusedAsync("a change from this page", refused.Message);
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

    // A refused write renders the content again; any other error shows the error content.
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

    private static ReadOnlyImpersonationException? Find(Exception? e) => ReadOnlyWrites.Find(e);
}
