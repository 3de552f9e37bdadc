using System.Numerics;
using System.Text;

namespace HireVet.Quality.Corpus;

/// <summary>Bank numbers that pass the checks a bank would make: IBANs with ISO 7064 mod-97 check digits over each
/// country's real BBAN layout, and US routing numbers that pass the ABA checksum.</summary>
public static class Banking
{
    /// <summary>BBAN layout per country: 'n' a digit, 'a' an upper-case letter, 'c' either; the bank code is fixed by
    /// the bank, the rest random.</summary>
    private static readonly Dictionary<string, string> BbanLayouts = new()
    {
        ["DE"] = "nnnnnnnnnnnnnnnnnn", // 8-digit Bankleitzahl + 10-digit account
        ["GB"] = "aaaannnnnnnnnnnnnn", // bank code, sort code, account
        ["IE"] = "aaaannnnnnnnnnnnnn",
        ["FR"] = "nnnnnnnnnncccccccccccnn", // bank, branch, account, RIB key
        ["NL"] = "aaaannnnnnnnnn",
        ["ES"] = "nnnnnnnnnnnnnnnnnnnn",
        ["BE"] = "nnnnnnnnnnnn",
        ["PL"] = "nnnnnnnnnnnnnnnnnnnnnnnn",
        ["PT"] = "nnnnnnnnnnnnnnnnnnnnn",
        ["IT"] = "annnnnnnnnncccccccccccc", // CIN, ABI, CAB, account
        ["BR"] = "nnnnnnnnnnnnnnnnnnnnnnnac",
    };

    public static bool UsesIban(string country) => BbanLayouts.ContainsKey(country);

    /// <summary>An IBAN for a bank whose code starts the BBAN (e.g. "TRWI231470" for Wise UK).</summary>
    public static string Iban(Random rng, string country, string bankCode)
    {
        var layout = BbanLayouts[country];
        var bban = new StringBuilder(bankCode);
        for (var i = bankCode.Length; i < layout.Length; i++)
            bban.Append(layout[i] switch
            {
                'n' => (char)('0' + rng.Next(10)),
                'a' => (char)('A' + rng.Next(26)),
                _ => rng.Next(2) == 0 ? (char)('0' + rng.Next(10)) : (char)('A' + rng.Next(26)),
            });
        var check = 98 - Mod97(bban + country + "00");
        return $"{country}{check:00}{bban}";
    }

    private static int Mod97(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text) digits.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString());
        return (int)(BigInteger.Parse(digits.ToString()) % 97);
    }

    public static bool IsValidAba(string routing) =>
        routing.Length == 9 && routing.All(char.IsAsciiDigit) &&
        (3 * (D(routing, 0) + D(routing, 3) + D(routing, 6)) + 7 * (D(routing, 1) + D(routing, 4) + D(routing, 7))
         + D(routing, 2) + D(routing, 5) + D(routing, 8)) % 10 == 0;

    private static int D(string s, int i) => s[i] - '0';

    public static string Digits(Random rng, int count)
    {
        var s = new StringBuilder();
        s.Append((char)('1' + rng.Next(9)));
        for (var i = 1; i < count; i++) s.Append((char)('0' + rng.Next(10)));
        return s.ToString();
    }
}

/// <summary>A real bank: name, BIC, country and either its IBAN bank code or its US routing number.</summary>
public sealed record Bank(string Name, string Bic, string Country, string? IbanBankCode = null, string? Routing = null);
