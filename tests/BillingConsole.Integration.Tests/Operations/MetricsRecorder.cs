using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>Listens to one host's <see cref="BillingMetrics"/> meter (its own IMeterFactory scope) and sums what it records.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> sums = new();
    private readonly ConcurrentDictionary<string, int> counts = new();

    public MetricsRecorder(IMeterFactory scope)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BillingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        listener.Start();
    }

    /// <summary>The sum recorded on <paramref name="instrument"/> with <paramref name="tag"/> (<c>key=value</c>) if given.</summary>
    public double Sum(string instrument, string? tag = null) => sums.GetValueOrDefault(Key(instrument, tag));

    /// <summary>How many measurements <paramref name="instrument"/> took (a histogram's count).</summary>
    public int Count(string instrument) => counts.GetValueOrDefault(Key(instrument, null));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        sums.AddOrUpdate(Key(instrument.Name, null), value, (_, s) => s + value);
        counts.AddOrUpdate(Key(instrument.Name, null), 1, (_, c) => c + 1);
        foreach (var tag in tags)
        {
            sums.AddOrUpdate(Key(instrument.Name, $"{tag.Key}={tag.Value}"), value, (_, s) => s + value);
        }
    }

    private static string Key(string instrument, string? tag) => tag is null ? instrument : instrument + "|" + tag;

    public void Dispose() => listener.Dispose();
}
