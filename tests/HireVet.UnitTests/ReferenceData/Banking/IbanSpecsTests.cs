using System.Text.RegularExpressions;
using HireVet.Application.Common.Formats.Banking;
using HireVet.Application.ReferenceData.Banking;
using HireVet.Infrastructure.ReferenceData.Banking;
using static HireVet.UnitTests.ReferenceData.Banking.IbanData;

namespace HireVet.UnitTests.ReferenceData.Banking;

public sealed class IbanSpecsTests
{
    [Fact]
    public void Reads_every_country_of_the_installed_ibantools_table()
    {
        // A second, independent reading of the same script: each "XX: { … }" entry of countrySpecs, with or without chars.
        var script = File.ReadAllText(BuildScript);
        var start = script.IndexOf("exports.countrySpecs = {", StringComparison.Ordinal);
        var table = script[start..script.IndexOf("\n};", start, StringComparison.Ordinal)];
        // An entry ends at the first line ending in "}" or "},"; the patterns' own braces ("{8}") end lines in "',".
        var entries = Regex.Matches(table, @"^ {4}([A-Z]{2}): \{(.*?)\},?$", RegexOptions.Multiline | RegexOptions.Singleline);

        Assert.True(Specs.Count > 70, $"only {Specs.Count} countries with an IBAN format");
        Assert.Equal(entries.Count(e => e.Groups[2].Value.Contains("chars:")), Specs.Count);
        Assert.Equal(entries.Count, Specs.Count + Specs.CountriesWithoutIban);
        Assert.Equal(entries.Count(e => e.Groups[2].Value.Contains("IBANRegistry: true")), Specs.All.Count(s => s.InIbanRegistry));
        Assert.Equal(entries.Count(e => e.Groups[2].Value.Contains("SEPA: true")), Specs.All.Count(s => s.Sepa));
    }

    [Fact]
    public void The_CommonJS_and_ES_module_builds_give_the_same_table()
    {
        var module = IbanSpecsScript.Load(ModuleScript);

        Assert.Equal(Specs.Count, module.Count);
        Assert.Equal(Specs.CountriesWithoutIban, module.CountriesWithoutIban);
        Assert.All(Specs.All, s => Assert.Equal((s.Length, s.BbanPattern, s.InIbanRegistry, s.Sepa, s.BankCode),
            (module.For(s.Country)!.Length, module.For(s.Country)!.BbanPattern, module.For(s.Country)!.InIbanRegistry, module.For(s.Country)!.Sepa, module.For(s.Country)!.BankCode)));
    }

    [Fact]
    public void Germany_and_the_UK_have_their_registry_formats()
    {
        var de = Specs.For("DE")!;
        Assert.Equal((22, "^[0-9]{18}$", true, true), (de.Length, de.BbanPattern, de.InIbanRegistry, de.Sepa));
        Assert.Equal("18 digits", de.Format);

        var gb = Specs.For("GB")!;
        Assert.Equal((22, "4 letters, then 14 digits"), (gb.Length, gb.Format));
        Assert.Equal((0, 3), gb.BankCode);
        Assert.Equal((4, 9), gb.BranchCode);
    }

    [Fact]
    public void Every_format_is_put_in_words_and_adds_up_to_its_length()
    {
        Assert.All(Specs.All, s =>
        {
            Assert.NotNull(s.Segments);
            Assert.Equal(s.Length - 4, s.Segments!.Sum(x => x.Count));
        });
    }

    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NO9386011117947")]
    [InlineData("MT84MALT011000012345MTLCAST001S")]
    [InlineData("BE68539007547034")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("CH9300762011623852957")]
    [InlineData("IT60X0542811101000000123456")]
    [InlineData("LT121000011101001000")]
    [InlineData("BR1800360305000010009795493C1")]
    [InlineData("SA0380000000608010167519")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    public void Real_IBANs_fit_their_country(string iban)
    {
        Assert.True(Iban.IsValid(iban));
        Assert.Null(Specs.Problem(iban));
    }

    [Fact]
    public void A_German_IBAN_one_digit_short_is_the_wrong_length_even_with_correct_check_digits()
    {
        var iban = WithCheckDigits("DE", "37040044053201300");
        Assert.True(Iban.IsValid(iban));

        var problem = Specs.Problem(iban)!;

        Assert.Equal((IbanStructureProblem.WrongLength, "DE", 21, 22), (problem.Kind, problem.Country, problem.ActualLength, problem.Spec!.Length));
        Assert.Equal("it has 21 characters where DE IBANs have 22", problem.Describe());
    }

    [Fact]
    public void A_UK_IBAN_with_digits_for_its_bank_code_names_the_bank_code()
    {
        var iban = WithCheckDigits("GB", "1234" + "56" + "98765432" + "1234");
        Assert.True(Iban.IsValid(iban));

        var problem = Specs.Problem(iban)!;

        Assert.Equal((IbanStructureProblem.WrongBban, 5), (problem.Kind, problem.IbanPosition));
        Assert.Equal("GB IBANs have 4 letters, then 14 digits after the country code and check digits, but character 5, in the bank code, is not a letter",
            problem.Describe());
    }

    [Fact]
    public void A_country_without_IBANs_is_named_as_such()
    {
        var iban = WithCheckDigits("US", "021000021884400112");
        Assert.True(Iban.IsValid(iban));

        var problem = Specs.Problem(iban)!;

        Assert.Equal((IbanStructureProblem.NoIban, "US", null), (problem.Kind, problem.Country, problem.Spec));
        Assert.Equal("US has no IBANs: its banks use national account numbers", problem.Describe());
        Assert.Equal(IbanStructureProblem.NoIban, Specs.Problem(WithCheckDigits("KP", "12345678901234"))!.Kind);
        Assert.Equal(IbanStructureProblem.UnknownCountry, Specs.Problem(WithCheckDigits("ZZ", "12345678901234"))!.Kind);
    }

    [Fact]
    public void A_pattern_ibantools_leaves_unanchored_still_covers_the_whole_BBAN()
    {
        // EG's bban_regexp is "^[0-9]{25}" (no $): with the length right, a trailing letter must still fail.
        Assert.Equal("^[0-9]{25}", Specs.For("EG")!.BbanPattern);
        Assert.Null(Specs.Problem(WithCheckDigits("EG", "0019000500000000263180002")));

        var problem = Specs.Problem(WithCheckDigits("EG", "001900050000000026318000A"))!;

        Assert.Equal((IbanStructureProblem.WrongBban, 29), (problem.Kind, problem.IbanPosition));
    }

    [Fact]
    public void A_script_without_the_table_or_with_an_impossible_entry_is_refused()
    {
        Assert.Throws<FormatException>(() => IbanSpecsScript.Parse("export const somethingElse = { DE: { chars: 22 } };"));
        Assert.Throws<FormatException>(() => IbanSpecsScript.Parse("exports.countrySpecs = { DE: { chars: 22 } };"));
        Assert.Throws<FormatException>(() => IbanSpecsScript.Parse("exports.countrySpecs = { DE: { chars: 21, bban_regexp: '^[0-9]{18}$' } };"));
        Assert.Throws<FormatException>(() => IbanSpecsScript.Parse("exports.countrySpecs = { Germany: { chars: 22, bban_regexp: '^[0-9]{18}$' } };"));
        Assert.Throws<FormatException>(() => IbanSpecsScript.Parse("exports.countrySpecs = { US: {} };"));
    }
}
