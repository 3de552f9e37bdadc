using System.Numerics;
using System.Text;
using HireVet.Application.ReferenceData.Banking;
using HireVet.Infrastructure.ReferenceData.Banking;
using HireVet.UnitTests.ReferenceData.Contact;

namespace HireVet.UnitTests.ReferenceData.Banking;

/// <summary>The real IBAN formats from the pinned ibantools package, loaded once per test process, and a way to make
/// IBANs whose check digits are right whatever their shape.</summary>
internal static class IbanData
{
    public static string BuildScript => Path.Combine(ContactData.NpmModulesPath, "ibantools", "build", "ibantools.js");
    public static string ModuleScript => Path.Combine(ContactData.NpmModulesPath, "ibantools", "jsnext", "ibantools.js");

    private static readonly Lazy<IbanSpecs> Loaded = new(() => IbanSpecsScript.Load(BuildScript));

    public static IbanSpecs Specs => Loaded.Value;

    /// <summary>Country code, the ISO 7064 mod 97-10 check digits for this BBAN, and the BBAN.</summary>
    public static string WithCheckDigits(string country, string bban)
    {
        var digits = new StringBuilder();
        foreach (var c in bban + country + "00") digits.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString());
        var check = 98 - (int)(BigInteger.Parse(digits.ToString()) % 97);
        return $"{country}{check:00}{bban}";
    }
}
