using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Formats.Banking;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Payroll;

/// <summary>The country of the payroll bank as each part of the bank details gives it: the IBAN's first two letters,
/// the BIC's characters 5–6, and the bank country the candidate declared. Unusable values (an IBAN that fails its
/// check digits, a malformed BIC, a code that is no country) give nothing rather than a guess.</summary>
internal sealed record BankCountries(string? IbanCountry, string? BicCountry, string? DeclaredCountry)
{
    public const string FromIban = "iban";
    public const string FromBic = "bic";
    public const string FromDeclared = "declared";

    public static BankCountries Of(PayrollDestination pay) => new(
        pay.Iban is { Length: > 0 } iban && Iban.IsValid(iban) && CountryCodes.IsIsoAlpha2(Iban.CountryOf(iban)) ? Iban.CountryOf(iban) : null,
        Bic.CountryOf(pay.Bic),
        pay.BankCountry?.Trim().ToUpperInvariant() is { } declared && CountryCodes.IsIsoAlpha2(declared) ? declared : null);

    /// <summary>Every source that names a country, most reliable first: the IBAN (it carries check digits), then the
    /// BIC, then what was typed as the bank country.</summary>
    public IReadOnlyList<(string Source, string Country)> Known =>
    [
        .. new[] { (FromIban, IbanCountry), (FromBic, BicCountry), (FromDeclared, DeclaredCountry) }
            .Where(s => s.Item2 is not null)
            .Select(s => (s.Item1, s.Item2!)),
    ];

    public static string Describe(string source) => source switch
    {
        FromIban => "IBAN",
        FromBic => "BIC",
        _ => "declared bank country",
    };
}

/// <summary>Countries whose banks belong to another country's banking system, so that a bank "in" one and a
/// residence in the other are not a mismatch: US territories clear through the Federal Reserve with ABA numbers;
/// Jersey, Guernsey and the Isle of Man use GB IBANs; the French overseas departments and collectivities use FR
/// IBANs; Åland uses FI IBANs.</summary>
internal static class BankingAreas
{
    private static readonly Dictionary<string, string> Parent = new(StringComparer.Ordinal)
    {
        ["PR"] = "US", ["GU"] = "US", ["VI"] = "US", ["AS"] = "US", ["MP"] = "US", ["UM"] = "US",
        ["JE"] = "GB", ["GG"] = "GB", ["IM"] = "GB",
        ["GF"] = "FR", ["GP"] = "FR", ["MQ"] = "FR", ["RE"] = "FR", ["YT"] = "FR", ["PM"] = "FR",
        ["BL"] = "FR", ["MF"] = "FR", ["NC"] = "FR", ["PF"] = "FR", ["WF"] = "FR", ["TF"] = "FR",
        ["AX"] = "FI",
    };

    // The EEA, where Regulation (EU) 260/2012 art. 9 obliges payers to accept an account in any member state: a
    // resident of one with an IBAN of another (Revolut's LT, Wise's BE, N26's DE IBANs) is ordinary.
    private static readonly HashSet<string> Eea = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
    };

    public static string AreaOf(string country) => Parent.GetValueOrDefault(country, country);

    public static bool Same(string a, string b) => AreaOf(a) == AreaOf(b);

    public static bool BothInEea(string a, string b) => Eea.Contains(AreaOf(a)) && Eea.Contains(AreaOf(b));
}
