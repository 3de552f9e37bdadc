using System.Text.RegularExpressions;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.Dossiers.Addresses;

/// <summary>Reads an address typed as free text into the dossier's fields, as applicant-tracking systems hold it
/// (Greenhouse's <c>addresses[].value</c> and an application's location answer, Lever's <c>location</c>):
/// "123 City Street\nNew York, NY 10001", "New York, New York, USA", "10115 Berlin, Germany".
/// <para>Intake needs a country for every address, so only text whose country can be told is read: a US
/// "State ZIP" ending (the 50 states and DC with a five- or nine-digit ZIP), or a last part that names a country
/// (<see cref="CountryNames"/>). "Oakland, CA" is not read: CA is California or Canada, and guessing the wrong country
/// would raise the country-mismatch checks against an honest candidate. What cannot be read gives null.</para></summary>
public static partial class FreeTextAddress
{
    private static readonly HashSet<string> UsStates = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    };

    /// <summary>The address, or null when the text is empty or names no country that can be told.</summary>
    public static PostalAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('\n', '\r', ',')
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)
            .ToList();
        if (parts.Count == 0) return null;

        string? country = null;
        if (CountryNames.ToAlpha2(parts[^1]) is { } named)
        {
            country = named;
            parts.RemoveAt(parts.Count - 1);
        }

        if (country is null or "US" && parts.Count > 0 && StateAndZip().Match(parts[^1]) is { Success: true } m
            && UsStates.Contains(m.Groups["state"].Value.ToUpperInvariant()))
        {
            parts.RemoveAt(parts.Count - 1);
            string? city = null;
            if (m.Groups["city"].Success)
            {
                // "1 Main St Springfield IL 62701" has no comma to tell the street from the city: all of it is line 1.
                if (m.Groups["city"].Value.Any(char.IsDigit)) parts.Add(m.Groups["city"].Value);
                else city = m.Groups["city"].Value;
            }
            else if (parts.Count > 1 || parts.Count == 1 && !parts[0].Any(char.IsDigit))
            {
                city = parts[^1];
                parts.RemoveAt(parts.Count - 1);
            }
            return new PostalAddress
            {
                Line1 = Clip(Join(parts), 200), City = Clip(city, 100), Region = m.Groups["state"].Value.ToUpperInvariant(),
                PostalCode = m.Groups["zip"].Value, Country = "US",
            };
        }

        if (country is null) return null;
        // No street line ("New York, New York, USA"): a place, read as city and region.
        if (parts.Count > 0 && !parts.Any(p => p.Any(char.IsDigit)))
            return new PostalAddress { City = Clip(parts[0], 100), Region = Clip(Join(parts.Skip(1)), 100), Country = country };
        return new PostalAddress { Line1 = Clip(Join(parts), 200), Country = country };
    }

    private static string? Join(IEnumerable<string> parts) => string.Join(", ", parts) is { Length: > 0 } s ? s : null;

    private static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max].TrimEnd();

    [GeneratedRegex(@"^(?:(?<city>.*?\S)\s+)?(?<state>[A-Za-z]{2})\.?\s+(?<zip>\d{5}(?:-\d{4})?)$")]
    private static partial Regex StateAndZip();
}
