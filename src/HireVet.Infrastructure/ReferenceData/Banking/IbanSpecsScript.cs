using System.Globalization;
using HireVet.Application.ReferenceData.Banking;

namespace HireVet.Infrastructure.ReferenceData.Banking;

/// <summary>
/// Every country's IBAN format, read from ibantools' <c>countrySpecs</c> table (<c>build/ibantools.js</c> or
/// <c>jsnext/ibantools.js</c>), which lists ISO 3166 countries with <c>chars</c> (the IBAN length),
/// <c>bban_regexp</c>, <c>IBANRegistry</c>, <c>SEPA</c> and the bank/branch code positions, and lists the countries
/// that have no IBAN with an empty entry (<c>US: {}</c>).
/// </summary>
public static class IbanSpecsScript
{
    public static IbanSpecs Load(string path) => Parse(File.ReadAllText(path));

    /// <exception cref="FormatException">The script has no <c>countrySpecs</c> literal, or an entry is not a usable
    /// format (a length without a pattern, a pattern that does not fit the length, a key that is not a country
    /// code).</exception>
    public static IbanSpecs Parse(string script)
    {
        var table = JsObjectLiteral.Assigned(script, "countrySpecs");
        var specs = new List<IbanSpec>();
        var withoutIban = new List<string>();
        foreach (var (country, value) in table)
        {
            if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
                throw new FormatException($"countrySpecs: '{country}' is not an ISO 3166 alpha-2 code.");
            if (value is not IReadOnlyDictionary<string, object?> entry)
                throw new FormatException($"countrySpecs.{country} is not an object.");

            if (!entry.TryGetValue("chars", out var chars) || chars is null)
            {
                withoutIban.Add(country);
                continue;
            }

            if (chars is not double length || length != Math.Floor(length))
                throw new FormatException($"countrySpecs.{country}.chars is not a whole number.");
            if (entry.GetValueOrDefault("bban_regexp") is not string pattern || pattern.Length == 0)
                throw new FormatException($"countrySpecs.{country} has a length but no bban_regexp.");
            specs.Add(new IbanSpec(country, (int)length, pattern,
                entry.GetValueOrDefault("IBANRegistry") is true, entry.GetValueOrDefault("SEPA") is true,
                Range(country, entry, "bank_identifier"), Range(country, entry, "branch_indentifier")));
        }

        if (specs.Count == 0) throw new FormatException("countrySpecs lists no country with an IBAN format.");
        return new IbanSpecs(specs, withoutIban);
    }

    // "0-3": BBAN positions, 0-based and inclusive. ibantools gives account_indentifier in IBAN positions instead,
    // so only the bank and branch codes are read.
    private static (int Start, int End)? Range(string country, IReadOnlyDictionary<string, object?> entry, string key)
    {
        if (entry.GetValueOrDefault(key) is not string text) return null;
        var parts = text.Split('-');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
               && start <= end
            ? (start, end)
            : throw new FormatException($"countrySpecs.{country}.{key} '{text}' is not a range such as 0-3.");
    }
}
