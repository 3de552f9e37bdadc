using System.Collections.Frozen;
using System.Globalization;
using HireVet.Application.Common.Formats.Banking;

namespace HireVet.Application.ReferenceData.Banking;

/// <summary>
/// Every country's IBAN format, read from ibantools' <c>countrySpecs</c> table (<c>build/ibantools.js</c> or
/// <c>jsnext/ibantools.js</c>), which lists ISO 3166 countries with <c>chars</c> (the IBAN length),
/// <c>bban_regexp</c>, <c>IBANRegistry</c>, <c>SEPA</c> and the bank/branch code positions, and lists the countries
/// that have no IBAN with an empty entry (<c>US: {}</c>). Immutable and thread-safe.
/// </summary>
public sealed class IbanSpecs
{
    private readonly FrozenDictionary<string, IbanSpec> _specs;
    private readonly FrozenSet<string> _withoutIban;

    private IbanSpecs(IEnumerable<IbanSpec> specs, IEnumerable<string> withoutIban)
    {
        _specs = specs.ToFrozenDictionary(s => s.Country, StringComparer.Ordinal);
        _withoutIban = withoutIban.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Countries with an IBAN format.</summary>
    public int Count => _specs.Count;

    /// <summary>Countries the table lists as having no IBAN.</summary>
    public int CountriesWithoutIban => _withoutIban.Count;

    public IEnumerable<IbanSpec> All => _specs.Values;

    public static IbanSpecs Load(string ibantoolsScript) => Parse(File.ReadAllText(ibantoolsScript));

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

    /// <summary>The format of a country's IBANs; null when the country has none (or is not a country the table
    /// knows).</summary>
    public IbanSpec? For(string country) => _specs.GetValueOrDefault(country);

    /// <summary>Null when the IBAN fits its country's format (length and BBAN), otherwise what is wrong. Check digits
    /// are not this table's business (<see cref="Common.Formats.Banking.Iban"/> checks them); nor are the national check
    /// digits some countries put inside the BBAN.</summary>
    public IbanStructureProblem? Problem(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        var value = Common.Formats.Banking.Iban.Normalize(iban);
        if (value.Length < 2) return new IbanStructureProblem(IbanStructureProblem.UnknownCountry, value, value.Length, null);
        var country = value[..2];
        if (For(country) is not { } spec)
        {
            return new IbanStructureProblem(
                _withoutIban.Contains(country) ? IbanStructureProblem.NoIban : IbanStructureProblem.UnknownCountry, country, value.Length, null);
        }

        if (value.Length != spec.Length) return new IbanStructureProblem(IbanStructureProblem.WrongLength, country, value.Length, spec);

        var bban = value[4..];
        if (spec.BbanMatches(bban)) return null;
        var mismatch = spec.FirstMismatch(bban);
        return new IbanStructureProblem(IbanStructureProblem.WrongBban, country, value.Length, spec)
        {
            Position = mismatch?.Position,
            Expected = mismatch?.Expected,
        };
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
