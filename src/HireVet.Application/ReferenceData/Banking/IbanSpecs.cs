using System.Collections.Frozen;

namespace HireVet.Application.ReferenceData.Banking;

/// <summary>Every country's IBAN format, and the countries that have no IBAN (read from ibantools by
/// <c>IbanSpecsScript</c> in Infrastructure). Immutable and thread-safe.</summary>
public sealed class IbanSpecs
{
    private readonly FrozenDictionary<string, IbanSpec> _specs;
    private readonly FrozenSet<string> _withoutIban;

    public IbanSpecs(IEnumerable<IbanSpec> specs, IEnumerable<string> withoutIban)
    {
        _specs = specs.ToFrozenDictionary(s => s.Country, StringComparer.Ordinal);
        _withoutIban = withoutIban.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Countries with an IBAN format.</summary>
    public int Count => _specs.Count;

    /// <summary>Countries the table lists as having no IBAN.</summary>
    public int CountriesWithoutIban => _withoutIban.Count;

    public IEnumerable<IbanSpec> All => _specs.Values;

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
            Position = mismatch?.Position, Expected = mismatch?.Expected,
        };
    }
}
