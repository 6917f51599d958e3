namespace BillingConsole.Domain.Invoicing;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015), the 纳税人识别号 of a company title (SPEC V1):
/// 18 characters from the 31-character set 0–9 and A–Y without I, O, S, V and Z; characters 3–8 are the administrative
/// division code (digits); the 18th is the check character over the first 17 with the weights 3^(i−1) mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims what a person typed (codes are printed in capitals).</summary>
    public static string Normalize(string? text) => (text ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsValid(string? text) => Check(text) is null;

    /// <summary>Why the code is not valid, or null when it is (the text is normalized first).</summary>
    public static string? Check(string? text)
    {
        var code = Normalize(text);
        if (code.Length == 0) return "Enter the taxpayer identification number (unified social credit code).";
        if (code.Length != Length) return "A unified social credit code has 18 characters.";
        foreach (var c in code)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return "A unified social credit code has only digits and the capitals A–Y without I, O, S, V, Z.";
            }
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i])) return "Characters 3 to 8 of a unified social credit code are the region code (digits).";
        }
        return code[17] == CheckCharacter(code.AsSpan(0, 17))
            ? null
            : "The check character (the 18th) of this unified social credit code does not match; check the code.";
    }

    /// <summary>GB 32100 check character of the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Give the first 17 characters.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not in the code alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
