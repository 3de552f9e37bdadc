namespace HireVet.Application.Common.Formats.Banking;

/// <summary>International Bank Account Number checks (ISO 13616 structure, ISO 7064 mod 97-10).</summary>
public static class Iban
{
    private const int MinLength = 11;
    private const int MaxLength = 34;

    /// <summary>Removes whitespace and uppercases: "gb82 west 1234" becomes "GB82WEST1234".</summary>
    public static string Normalize(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        return string.Concat(iban.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>True for a structurally valid IBAN with a correct checksum; whitespace and case are ignored.</summary>
    public static bool IsValid(string iban) => Problem(iban) is null;

    /// <summary>Null for a structurally valid IBAN with a correct checksum, otherwise why it is not one. Only the
    /// structure every IBAN shares is checked here; each country's own length and BBAN format are reference data
    /// (<see cref="ReferenceData.Banking.IbanSpecs"/>).</summary>
    public static string? Problem(string iban)
    {
        if (iban is null)
        {
            return "it is empty";
        }

        var value = Normalize(iban);
        if (value.Length is < MinLength or > MaxLength
            || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3])
            || !value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            return "it is not in IBAN form: a country code, two check digits, then 7 to 30 letters or digits";
        }

        // Check digits are always 02..98; 00, 01 and 99 only pass mod 97 by aliasing.
        var checkDigits = value.Substring(2, 2);
        if (checkDigits is "00" or "01" or "99")
        {
            return $"its check digits {checkDigits} are never issued (they are 02 to 98)";
        }

        return Mod97(value[4..] + value[..4]) == 1 ? null : "its check digits do not match the rest (ISO 7064 mod 97-10)";
    }

    /// <summary>The ISO 3166 country prefix of a valid IBAN.</summary>
    /// <exception cref="ArgumentException">The IBAN is not valid.</exception>
    public static string CountryOf(string iban)
    {
        if (!IsValid(iban))
        {
            throw new ArgumentException("Not a valid IBAN.", nameof(iban));
        }

        return Normalize(iban)[..2];
    }

    // Letters expand to two digits (A=10 .. Z=35); reducing per digit keeps the remainder tiny.
    private static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
