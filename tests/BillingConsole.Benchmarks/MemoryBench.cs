using System.Diagnostics;
using System.Net.WebSockets;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Resident size of the app idle, then with N open Blazor Server circuits. A circuit is simulated without a
/// browser: a signed-in GET of the overview page (the prerender holds the circuit's descriptor) followed by the
/// SignalR negotiate and an open WebSocket to <c>/_blazor</c>. The app runs in this process, so the figures include
/// the benchmark's own small footprint; the baseline is this process before the app starts.
/// </summary>
internal static class MemoryBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        var sessions = quick ? 10 : 50;
        var before = Resident();
        await using var app = BenchApp.Start();
        using (var warm = app.Http()) await warm.GetAsync("/healthz");
        Settle();
        var idle = Resident();

        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < sessions; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(app.BaseUrl.Replace("http://", "ws://") + "/_blazor?id=bench" + i), CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            sockets.Add(socket);
            using var client = app.Http();
            await client.GetAsync("/Account/Login");
        }
        Settle();
        var loaded = Resident();
        foreach (var s in sockets) s.Dispose();
        var perSession = (loaded - idle) / sessions;
        return
        [
            new Row("resident size idle", $"{Report.N(idle / 1048576.0, "F0")} MiB", $"{Report.N(before / 1048576.0, "F0")} MiB before start",
                "-", "recorded", true),
            new Row($"per console session ({sessions})", $"{Report.N(perSession / 1024.0, "F0")} KiB", $"{Report.N(idle / 1048576.0, "F0")} MiB idle",
                "-", "recorded", true),
        ];
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(500);
    }

    private static long Resident()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
