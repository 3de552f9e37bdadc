using System.Diagnostics.CodeAnalysis;

namespace HireVet.Application.Common.Formats.Banking;

// Not a crypto format: it lives in this folder only because the payroll formats were written together.

/// <summary>The parts of a BIC (ISO 9362): bank code, country (characters 5–6), location and optional branch.</summary>
public sealed record BicParts(string BankCode, string Country, string Location, string? Branch)
{
    /// <summary>A location code whose second character is '0' marks a SWIFT test-and-training BIC, which cannot
    /// receive live payments.</summary>
    public bool IsTest => Location[1] == '0';

    /// <summary>The 8-character form (the institution's head office when the branch is XXX or absent).</summary>
    public string Bic8 => BankCode + Country + Location;
}

/// <summary>BIC / SWIFT codes: format and country only. No directory of real BICs is public (SWIFT's is commercial).</summary>
public static class Bic
{
    // SWIFT uses XK for Kosovo, which ISO 3166 has not assigned (it is a user-assigned code), so CountryCodes lacks it.
    private const string Kosovo = "XK";

    /// <summary>Removes whitespace and uppercases: "deut de ff" becomes "DEUTDEFF".</summary>
    public static string Normalize(string bic)
    {
        ArgumentNullException.ThrowIfNull(bic);
        return string.Concat(bic.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    public static bool IsValid(string? bic) => TryParse(bic, out _, out _);

    /// <summary>The ISO 3166 country of a valid BIC, otherwise null.</summary>
    public static string? CountryOf(string? bic) => TryParse(bic, out var parts, out _) ? parts.Country : null;

    /// <summary>Parses 8 or 11 characters: 4 letters (bank), 2 letters (a real country), 2 letters or digits
    /// (location) and optionally 3 letters or digits (branch). Whitespace and case are ignored.</summary>
    public static bool TryParse(string? bic, [NotNullWhen(true)] out BicParts? parts, [NotNullWhen(false)] out string? problem)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(bic))
        {
            problem = "it is empty";
            return false;
        }

        var value = Normalize(bic);
        if (value.Length is not (8 or 11))
        {
            problem = $"it has {value.Length} characters; a BIC has 8 or 11";
            return false;
        }
        if (!value[..6].All(char.IsAsciiLetterUpper) || !value[6..].All(char.IsAsciiLetterOrDigit))
        {
            problem = "a BIC is 6 letters (bank and country) followed by letters or digits (location and branch)";
            return false;
        }

        var country = value[4..6];
        if (!CountryCodes.IsIsoAlpha2(country) && country != Kosovo)
        {
            problem = $"its country code {country} (characters 5–6) is not a country";
            return false;
        }

        parts = new BicParts(value[..4], country, value[6..8], value.Length == 11 ? value[8..] : null);
        problem = null;
        return true;
    }
}
