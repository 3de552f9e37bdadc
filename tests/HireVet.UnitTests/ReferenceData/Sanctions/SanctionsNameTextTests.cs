using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

public class SanctionsNameTextTests
{
    [Theory]
    [InlineData("Kim, Sang-Man", "kim sang man")]
    [InlineData("  José   MÜLLER ", "jose muller")]
    [InlineData("KIM, Tong-Myo'ng", "kim tong myong")]
    [InlineData("Yanji Silver Star Network Technology Co. Ltd.", "yanji silver star network technology co ltd")]
    [InlineData("Weiß Łódź", "weiss lodz")]
    [InlineData("Андреев, Виталий", "андреев виталий")]
    [InlineData("김, 상만", "김 상만")]
    [InlineData("-.,'", "")]
    public void Tokenizes_lower_case_without_diacritics_apostrophes_or_full_stops(string name, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SanctionsNameText.Tokenize(name, 16)));
    }

    [Theory]
    [InlineData("gim", "kim")]
    [InlineData("rhee", "ri")]
    [InlineData("lee", "ri")]
    [InlineData("park", "pak")]
    [InlineData("choi", "choe")]
    [InlineData("jeong", "jong")]
    [InlineData("chung", "jong")]
    [InlineData("cheol", "chol")]
    [InlineData("man", "man")]
    [InlineData("min", "min")]
    public void Folds_korean_and_chinese_romanisation_variants(string token, string canonical)
    {
        Assert.Equal(canonical, SanctionsNameText.Canonical(token));
    }

    [Theory]
    [InlineData("co", true)]
    [InlineData("ltd", true)]
    [InlineData("trading", true)]
    [InlineData("silverstar", false)]
    public void Knows_legal_forms(string token, bool expected)
    {
        Assert.Equal(expected, SanctionsNameText.IsLegalForm(token));
    }
}
