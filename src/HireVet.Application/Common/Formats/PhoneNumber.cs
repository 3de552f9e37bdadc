namespace HireVet.Application.Common.Formats;

public static class PhoneNumber
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    /// <summary>
    /// Normalises an internationally written number to E.164 ("+" and 8..15 digits, no leading 0).
    /// Numbers without a "+" or "00" prefix are rejected: without a country they are ambiguous.
    /// </summary>
    public static string? NormalizeE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var compact = string.Concat(input.Where(c => !(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')')));

        string digits;
        if (compact.StartsWith('+'))
        {
            digits = compact[1..];
        }
        else if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            digits = compact[2..];
        }
        else
        {
            return null;
        }

        if (digits.Length is < MinDigits or > MaxDigits || digits[0] == '0' || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return "+" + digits;
    }
}
