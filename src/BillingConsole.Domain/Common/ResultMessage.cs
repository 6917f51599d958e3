using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace BillingConsole.Domain.Common;

/// <summary>
/// A user-facing message of a <see cref="Result{T}"/>, kept as its English composite format
/// (<c>"Choose 1 to {0} years."</c>) and the values of its holes. The API shows <see cref="ToString"/> (English); the
/// console looks <see cref="Format"/> up in its resources and fills in <see cref="Arguments"/>, so the domain stays free
/// of localization and call sites keep writing plain interpolated strings.
/// </summary>
/// <remarks>
/// It is an interpolated string handler: <c>Result&lt;T&gt;.Invalid($"Choose 1 to {max} years.")</c> records
/// <c>"Choose 1 to {0} years."</c> and <c>max</c> instead of the finished string. A plain string converts implicitly.
/// </remarks>
[InterpolatedStringHandler]
public sealed class ResultMessage
{
    private readonly StringBuilder format;
    private readonly List<object?> arguments;

    public ResultMessage(int literalLength, int formattedCount)
    {
        format = new StringBuilder(literalLength + formattedCount * 4);
        arguments = new List<object?>(formattedCount);
    }

    private ResultMessage(string text) : this(text.Length, 0) => AppendLiteral(text);

    /// <summary>The English composite format, e.g. <c>"Choose 1 to {0} years."</c>; the key of its translation.</summary>
    public string Format => format.ToString();

    /// <summary>The values of the holes; a nested <see cref="ResultMessage"/> is translated on its own.</summary>
    public IReadOnlyList<object?> Arguments => arguments;

    public void AppendLiteral(string value) => format.Append(value.Replace("{", "{{").Replace("}", "}}"));

    public void AppendFormatted<TValue>(TValue value) => AppendFormatted(value, alignment: 0, format: null);

    public void AppendFormatted<TValue>(TValue value, string? format) => AppendFormatted(value, alignment: 0, format);

    public void AppendFormatted<TValue>(TValue value, int alignment, string? format = null)
    {
        this.format.Append('{').Append(arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (alignment != 0) this.format.Append(',').Append(alignment.ToString(CultureInfo.InvariantCulture));
        if (format is not null) this.format.Append(':').Append(format);
        this.format.Append('}');
        arguments.Add(value);
    }

    public static implicit operator ResultMessage(string text) => new(text);

    /// <summary>The English text, formatted in the current culture as the interpolated string would have been.</summary>
    public override string ToString() =>
        arguments.Count == 0 ? Format.Replace("{{", "{").Replace("}}", "}") : string.Format(CultureInfo.CurrentCulture, Format, [.. arguments]);
}
