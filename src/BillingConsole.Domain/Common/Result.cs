namespace BillingConsole.Domain.Common;

/// <summary>How an expected failure should be answered (problem details in the API, a message in the UI).</summary>
public enum ResultStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// The outcome of a use case: a value, or an expected failure with a message a person can act on.
/// Exceptions stay for bugs and infrastructure faults (STYLE §3).
/// </summary>
public sealed record Result<T>
{
    private Result(ResultStatus status, T? value, string? error, IReadOnlyDictionary<string, string[]>? fieldErrors)
    {
        Status = status;
        Value = value;
        Error = error;
        FieldErrors = fieldErrors ?? new Dictionary<string, string[]>();
    }

    public ResultStatus Status { get; }
    public T? Value { get; }
    public string? Error { get; }
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }
    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null);
    public static Result<T> Invalid(string error, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
        => new(ResultStatus.Invalid, default, error, fieldErrors);
    public static Result<T> Invalid(string field, string error)
        => new(ResultStatus.Invalid, default, error, new Dictionary<string, string[]> { [field] = [error] });
    public static Result<T> NotFound(string error) => new(ResultStatus.NotFound, default, error, null);
    public static Result<T> Conflict(string error) => new(ResultStatus.Conflict, default, error, null);
    public static Result<T> Forbidden(string error) => new(ResultStatus.Forbidden, default, error, null);

    /// <summary>Carries a failure over to another result type.</summary>
    public Result<TOther> Cast<TOther>() => IsOk
        ? throw new InvalidOperationException("Only a failure can be cast.")
        : new Result<TOther>(Status, default, Error, FieldErrors);
}
