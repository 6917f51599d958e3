using System.Globalization;

namespace BillingConsole.Domain.Common;

/// <summary>
/// An exact amount of CNY. Decimal in code; in the database it is stored as <see cref="Units"/>, a whole number of
/// ten-thousandths of a yuan (ADR-001), because unit prices go down to 0.0001 and SQL must sum exactly.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Decimal places kept exactly: unit prices such as 0.182 or 0.0006 fit, gross amounts of them too.</summary>
    public const int Scale = 4;

    /// <summary>Database units per yuan.</summary>
    public const long UnitsPerYuan = 10_000;

    public static readonly Money Zero = new(0m);

    public Money(decimal amount)
    {
        if (decimal.Round(amount, Scale) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Money keeps at most {Scale} decimals.");
        }
        Amount = amount;
    }

    public decimal Amount { get; }

    /// <summary>The amount as ten-thousandths of a yuan, the database representation.</summary>
    public long Units => checked((long)(Amount * UnitsPerYuan));

    public static Money FromUnits(long units) => new(units / (decimal)UnitsPerYuan);

    public static Money Yuan(decimal amount) => new(amount);

    public bool IsNegative => Amount < 0;
    public bool IsPositive => Amount > 0;
    public bool IsZero => Amount == 0;

    /// <summary>
    /// SPEC B2 抹零: a payable amount is the gross amount rounded down to the fen (0.01). Amounts here are never
    /// negative; for safety a negative one is rounded towards zero, so the customer is never charged more.
    /// </summary>
    public Money RoundDownToFen() => new(decimal.Round(Amount, 2, MidpointRounding.ToZero));

    /// <summary>True when the amount has at most two decimals (a payable, balance or recharge amount).</summary>
    public bool IsWholeFen => decimal.Round(Amount, 2) == Amount;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
    public static Money operator -(Money a) => new(-a.Amount);
    public static Money operator *(Money price, long quantity) => new(price.Amount * quantity);
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public static Money Min(Money a, Money b) => a <= b ? a : b;
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>Balances, payable and paid amounts: always two decimals ("12.30").</summary>
    public string ToFenString() => decimal.Round(Amount, 2, MidpointRounding.ToZero) == Amount
        ? Amount.ToString("0.00", CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"{Amount} has more than two decimals; round it explicitly first.");

    /// <summary>Unit prices, gross amounts and discounts: at least two decimals, more when needed ("1.274", "0.004").</summary>
    public string ToExactString()
    {
        var text = Amount.ToString("0.00##", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>Unit prices as the catalog states them ("1.00" stays "1.00", "0.182", "0.006").</summary>
    public override string ToString() => ToExactString();

    /// <summary>
    /// Parses a money string from the API or a form. Refuses anything that is not a plain decimal number with at
    /// most <paramref name="maxDecimals"/> decimals (no exponent, no thousands separators).
    /// </summary>
    public static bool TryParse(string? text, int maxDecimals, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32) return false;
        var trimmed = text.Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var dot = trimmed.IndexOf('.');
        var decimals = dot < 0 ? 0 : trimmed.Length - dot - 1;
        if (decimals > maxDecimals || decimals > Scale) return false;
        money = new Money(value);
        return true;
    }
}
