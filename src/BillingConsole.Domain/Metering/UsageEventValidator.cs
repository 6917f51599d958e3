using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.Metering;

/// <summary>
/// Checks one reported usage event against the catalog's meters and the metering rules (SPEC M2–M8). Pure: the
/// caller passes "now" (from its <see cref="TimeProvider"/>). A rejection is <see cref="ResultStatus.Invalid"/>
/// with the offending field and a short reason the reporting service can log and act on.
/// </summary>
public sealed class UsageEventValidator(
    IReadOnlyDictionary<string, Meter> meters,
    BillingCalendar calendar,
    UsageEventRules? rules = null)
{
    private const int MaxEchoLength = 40;

    private readonly UsageEventRules _rules = rules ?? UsageEventRules.Default;

    /// <summary>Validates one event; the first broken rule is the reason.</summary>
    public Result<ValidatedUsageEvent> Validate(UsageEventInput input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(input);

        if (EventIdError(input.EventId) is { } idError) return Reject("eventId", idError);
        if (!TryFindMeter(input.Service, out var meter, out var meterError)) return Reject("service", meterError);
        if (OutcomeError(meter, input.Outcome) is { } outcomeError) return Reject("outcome", outcomeError);
        var sceneId = string.IsNullOrEmpty(input.SceneId) ? null : input.SceneId;
        if (SceneIdError(meter, sceneId) is { } sceneError) return Reject("sceneId", sceneError);
        if (!TryOccurredAt(input.OccurredAt, nowUtc, out var occurredAtUtc, out var timeError))
        {
            return Reject("occurredAt", timeError);
        }
        var quantity = input.Quantity ?? 1;
        if (quantity < 1 || quantity > _rules.MaxQuantity)
        {
            return Reject("quantity", string.Create(CultureInfo.InvariantCulture,
                $"quantity must be a whole number from 1 to {_rules.MaxQuantity}"));
        }

        return Result<ValidatedUsageEvent>.Ok(new ValidatedUsageEvent
        {
            EventId = input.EventId!,
            MeterCode = meter.Code,
            SceneId = sceneId,
            Outcome = input.Outcome!,
            OccurredAtUtc = occurredAtUtc,
            Quantity = quantity,
            UsageDay = calendar.DayOf(occurredAtUtc),
            Billable = meter.IsBillable(input.Outcome!),
        });
    }

    private static string? EventIdError(string? eventId)
    {
        if (string.IsNullOrEmpty(eventId)) return "eventId is required";
        if (eventId.Length > UsageEventRules.MaxEventIdLength)
        {
            return $"eventId is longer than {UsageEventRules.MaxEventIdLength} characters";
        }
        // Printable ASCII without spaces: ids end up in logs, URLs and unique indexes, where look-alike
        // Unicode or whitespace would make two "equal" ids differ.
        return eventId.All(c => c is > ' ' and <= '~')
            ? null
            : "eventId may contain only printable ASCII characters without spaces";
    }

    private bool TryFindMeter(string? service, [NotNullWhen(true)] out Meter? meter,
        [NotNullWhen(false)] out string? error)
    {
        meter = null;
        error = null;
        if (string.IsNullOrEmpty(service)) error = "service is required";
        else if (!meters.TryGetValue(service, out meter)) error = $"unknown service {Echo(service)}";
        else if (!meter.Metered) error = $"service {meter.Code} is not reported as usage";
        else return true;
        meter = null;
        return false;
    }

    private static string? OutcomeError(Meter meter, string? outcome)
    {
        if (string.IsNullOrEmpty(outcome)) return "outcome is required";
        return meter.KnowsOutcome(outcome) ? null : $"outcome {Echo(outcome)} is not valid for {meter.Code}";
    }

    private static string? SceneIdError(Meter meter, string? sceneId)
    {
        if (sceneId is null) return null;
        if (sceneId.Length > UsageEventRules.MaxSceneIdLength)
        {
            return $"sceneId is longer than {UsageEventRules.MaxSceneIdLength} characters";
        }
        if (!sceneId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return "sceneId may contain only letters, digits, '-' and '_'";
        }
        return meter.ScenePrefix is { Length: > 0 } prefix && !sceneId.StartsWith(prefix, StringComparison.Ordinal)
            ? $"sceneId '{sceneId}' does not match service {meter.Code}"
            : null;
    }

    private bool TryOccurredAt(DateTime? occurredAt, DateTime nowUtc, out DateTime utc,
        [NotNullWhen(false)] out string? error)
    {
        utc = default;
        error = null;
        if (occurredAt is not { } value)
        {
            error = "occurredAt is required";
            return false;
        }
        utc = AsUtc(value);
        var now = AsUtc(nowUtc);
        if (utc < now - _rules.AcceptanceWindow)
        {
            var window = Describe(_rules.AcceptanceWindow, adjective: true);
            error = $"occurredAt is older than the {window} acceptance window";
        }
        else if (utc > now + _rules.FutureTolerance)
        {
            error = $"occurredAt is more than {Describe(_rules.FutureTolerance, adjective: false)} in the future";
        }
        return error is null;
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };

    /// <summary>"7-day" / "7 days", "5 minutes", "90 seconds": the largest whole unit.</summary>
    private static string Describe(TimeSpan span, bool adjective)
    {
        var (count, unit) = span switch
        {
            { Ticks: > 0 } when span.Ticks % TimeSpan.TicksPerDay == 0 => ((long)span.TotalDays, "day"),
            { Ticks: > 0 } when span.Ticks % TimeSpan.TicksPerHour == 0 => ((long)span.TotalHours, "hour"),
            { Ticks: > 0 } when span.Ticks % TimeSpan.TicksPerMinute == 0 => ((long)span.TotalMinutes, "minute"),
            _ => ((long)span.TotalSeconds, "second"),
        };
        var number = count.ToString(CultureInfo.InvariantCulture);
        if (adjective) return $"{number}-{unit}";
        return count == 1 ? $"{number} {unit}" : $"{number} {unit}s";
    }

    /// <summary>Quotes caller input for a reason string, short and printable (it is logged and shown).</summary>
    private static string Echo(string value)
    {
        var printable = new string(value.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return printable.Length <= MaxEchoLength ? $"'{printable}'" : $"'{printable[..MaxEchoLength]}…'";
    }

    private static Result<ValidatedUsageEvent> Reject(string field, string reason) =>
        Result<ValidatedUsageEvent>.Invalid(field, reason);
}
