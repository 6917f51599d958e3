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
/// <remarks>
/// <see cref="Error"/> and <see cref="FieldErrors"/> are the English texts (the API's problem details);
/// <see cref="Message"/> and <see cref="FieldMessages"/> keep format and arguments so the console can translate them.
/// </remarks>
public sealed record Result<T>
{
    private static readonly IReadOnlyDictionary<string, ResultMessage[]> NoFields = new Dictionary<string, ResultMessage[]>();
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();

    private Result(ResultStatus status, T? value, ResultMessage? message, IReadOnlyDictionary<string, ResultMessage[]>? fieldMessages)
    {
        Status = status;
        Value = value;
        Message = message;
        Error = message?.ToString();
        FieldMessages = fieldMessages ?? NoFields;
        FieldErrors = fieldMessages is null
            ? NoFieldErrors
            : fieldMessages.ToDictionary(f => f.Key, f => f.Value.Select(m => m.ToString()).ToArray());
    }

    public ResultStatus Status { get; }
    public T? Value { get; }
    public string? Error { get; }
    public ResultMessage? Message { get; }
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; }
    public IReadOnlyDictionary<string, ResultMessage[]> FieldMessages { get; }
    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null);
    public static Result<T> Invalid(ResultMessage error) => new(ResultStatus.Invalid, default, error, null);
    public static Result<T> Invalid(ResultMessage error, IReadOnlyDictionary<string, ResultMessage[]> fieldErrors)
        => new(ResultStatus.Invalid, default, error, fieldErrors);
    public static Result<T> Invalid(ResultMessage error, IReadOnlyDictionary<string, string[]> fieldErrors)
        => new(ResultStatus.Invalid, default, error,
            fieldErrors.ToDictionary(f => f.Key, f => f.Value.Select(e => (ResultMessage)e).ToArray()));
    public static Result<T> Invalid(string field, ResultMessage error)
        => new(ResultStatus.Invalid, default, error, new Dictionary<string, ResultMessage[]> { [field] = [error] });
    public static Result<T> NotFound(ResultMessage error) => new(ResultStatus.NotFound, default, error, null);
    public static Result<T> Conflict(ResultMessage error) => new(ResultStatus.Conflict, default, error, null);
    public static Result<T> Forbidden(ResultMessage error) => new(ResultStatus.Forbidden, default, error, null);

    /// <summary>Carries a failure over to another result type.</summary>
    public Result<TOther> Cast<TOther>() => IsOk
        ? throw new InvalidOperationException("Only a failure can be cast.")
        : new Result<TOther>(Status, default, Message, FieldMessages);
}
