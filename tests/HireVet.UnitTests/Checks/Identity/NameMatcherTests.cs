using HireVet.Application.Checks.Identity;

namespace HireVet.UnitTests.Checks.Identity;

public class NameMatcherTests
{
    [Theory]
    [InlineData("John Smith", "john smith")]
    [InlineData("  José   MÜLLER ", "jose muller")]
    [InlineData("Sang-Man Kim", "sang man kim")]
    [InlineData("Kim, Sang Man", "kim sang man")]
    [InlineData("J.R.R. Tolkien", "j r r tolkien")]
    [InlineData("Seán O'Brien", "sean obrien")]
    [InlineData("D\u2019Angelo Russell", "dangelo russell")]
    [InlineData("Łukasz Wałęsa", "lukasz walesa")]
    [InlineData("Weiß", "weiss")]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    public void Normalize_lowercases_strips_diacritics_and_punctuation(string input, string expected)
    {
        Assert.Equal(expected, NameMatcher.Normalize(input));
    }

    [Fact]
    public void Normalize_keeps_hangul_syllables_intact()
    {
        Assert.Equal("김상만", NameMatcher.Normalize("김상만"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-.,'")]
    public void Normalize_returns_empty_for_input_without_letters(string input)
    {
        Assert.Equal(string.Empty, NameMatcher.Normalize(input));
    }

    [Fact]
    public void Matches_identical_names_as_same()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("John Smith", "John Smith"));
    }

    [Fact]
    public void Matches_names_in_swapped_order_as_same()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Robert Miller", "Miller Robert"));
    }

    [Fact]
    public void Ignores_case()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("JOHN SMITH", "john smith"));
    }

    [Theory]
    [InlineData("Sören Weiß", "Soeren Weiss")]
    [InlineData("Björn Schäfer", "BJOERN SCHAEFER")]
    [InlineData("Jürgen Müller", "Juergen Mueller")]
    [InlineData("Jürgen Müller", "Jurgen Muller")]
    [InlineData("Åsa Sørensen", "Aasa Soerensen")]
    [InlineData("Hans-Jürgen Öztürk", "Oeztuerk Hans Juergen")]
    public void Matches_the_icao_passport_spelling_of_umlauts_as_same(string written, string passport)
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare(written, passport));
        Assert.Equal(NameMatch.Same, NameMatcher.Compare(passport, written));
    }

    [Theory]
    [InlineData("Muller", "Mueller")]
    [InlineData("Joel Smith", "Jol Smith")]
    public void Does_not_expand_letters_a_name_does_not_have(string a, string b)
    {
        Assert.NotEqual(NameMatch.Same, NameMatcher.Compare(a, b));
    }

    [Theory]
    [InlineData("Jürgen Müller", "juergen mueller")]
    [InlineData("Åsa Øberg", "aasa oeberg")]
    [InlineData("Weiß", "weiss")]
    public void NormalizeIcao_spells_out_umlauts_as_passports_do(string input, string expected)
    {
        Assert.Equal(expected, NameMatcher.NormalizeIcao(input));
    }

    [Fact]
    public void Ignores_diacritics()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("José Müller", "Jose Muller"));
    }

    [Fact]
    public void Matches_surname_first_with_comma_against_surname_last()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Kim, Sang Man", "Sang Man Kim"));
    }

    [Fact]
    public void Matches_korean_name_in_reversed_order_with_hyphenated_given_name()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Sang-Man Kim", "Kim Sangman"));
    }

    [Fact]
    public void Matches_joined_given_name_against_split_given_name()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Kim Sangman", "Kim Sang Man"));
    }

    [Fact]
    public void Matches_split_given_name_against_joined_given_name_in_either_argument_order()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Kim Sang Man", "Sangman Kim"));
    }

    [Fact]
    public void Does_not_match_joined_given_name_whose_syllables_are_in_the_wrong_order()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Kim Sang Man", "Kim Mansang"));
    }

    [Fact]
    public void Matches_apostrophe_surname_written_with_and_without_apostrophe()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Sean O'Brien", "Sean OBrien"));
    }

    [Theory]
    [InlineData("Kim Sang Man", "Gim Sang Man")]
    [InlineData("Lee Min Ho", "Yi Min Ho")]
    [InlineData("Lee Min Ho", "Rhee Min Ho")]
    [InlineData("Park Ji Hoon", "Bahk Ji Hoon")]
    [InlineData("Choi Yu Na", "Choe Yu Na")]
    [InlineData("Jung Da Som", "Jeong Da Som")]
    [InlineData("Oh Se Ri", "O Se Ri")]
    [InlineData("Ryu Hyun Jin", "Yoo Hyun Jin")]
    [InlineData("Zhou Wei", "Chow Wei")]
    [InlineData("Xu Ming", "Hsu Ming")]
    [InlineData("Huang Li", "Hwang Li")]
    [InlineData("Wang Fang", "Wong Fang")]
    public void Matches_common_romanisation_variants_of_surnames(string a, string b)
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare(a, b));
    }

    [Fact]
    public void Matches_romanisation_variant_of_surname_together_with_joined_given_name()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Lee Min-Ho", "Yi Minho"));
    }

    [Fact]
    public void Matches_romanisation_variants_inside_a_joined_given_name()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Hyun-Woo Park", "Pak Hyeonwoo"));
    }

    [Fact]
    public void Matches_romanisation_variants_in_every_syllable_of_a_joined_given_name()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Seong Young Choi", "Choe Sungyeong"));
    }

    [Fact]
    public void Treats_variant_classes_as_non_transitive()
    {
        // jang ~ chang and chang ~ zhang, but jang and zhang share no class.
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Jang Wei", "Chang Wei"));
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Zhang Wei", "Chang Wei"));
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Jang Wei", "Zhang Wei"));
    }

    [Fact]
    public void Does_not_treat_wong_as_a_variant_of_huang()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Wong Mei Ling", "Huang Mei Ling"));
    }

    [Fact]
    public void Does_not_treat_song_as_a_variant_of_sung()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Kim Song Min", "Kim Sung Min"));
    }

    [Fact]
    public void Rates_a_missing_middle_name_as_compatible()
    {
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("John Smith", "John Paul Smith"));
    }

    [Fact]
    public void Rates_an_initial_matching_the_given_name_as_compatible()
    {
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("J. Smith", "John Smith"));
    }

    [Fact]
    public void Rates_initials_for_given_and_middle_names_as_compatible()
    {
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("John Ronald Tolkien", "J. R. Tolkien"));
    }

    [Fact]
    public void Rates_an_initial_that_fits_either_of_two_given_names_as_compatible()
    {
        // An initial cannot tell John from Jane; it only rules out names with other first letters.
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("J. Smith", "Jane Smith"));
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("M. Smith", "Jane Smith"));
    }

    [Fact]
    public void Does_not_match_names_made_only_of_matching_initials()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("J. K.", "John Kevin"));
    }

    [Fact]
    public void Rates_a_single_typo_in_a_long_token_as_compatible_not_same()
    {
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("Jonathan Smith", "Jonathon Smith"));
    }

    [Fact]
    public void Accepts_an_adjacent_transposition_as_a_single_typo()
    {
        Assert.Equal(NameMatch.Compatible, NameMatcher.Compare("Alexander Smith", "Alexnader Smith"));
    }

    [Fact]
    public void Allows_at_most_one_typo_per_comparison()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Jonathan Smithson", "Jonathon Smithsen"));
    }

    [Fact]
    public void Does_not_allow_two_edits_in_one_long_token()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Jonathan Smith", "Jonothon Smith"));
    }

    [Fact]
    public void Does_not_tolerate_typos_in_short_given_names()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Jason Lee", "Mason Lee"));
    }

    [Fact]
    public void Does_not_tolerate_a_one_letter_change_in_a_given_name_syllable()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Kim Sang Man", "Kim Sang Min"));
    }

    [Fact]
    public void Distinguishes_maria_from_mario()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Maria Garcia", "Mario Garcia"));
    }

    [Fact]
    public void Distinguishes_people_who_share_only_a_surname()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("John Smith", "Jane Smith"));
    }

    [Fact]
    public void Distinguishes_korean_names_that_share_only_a_surname()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Kim Sang Man", "Kim Chol Min"));
    }

    [Fact]
    public void Rates_a_lone_shared_surname_as_different()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Smith", "John Smith"));
    }

    [Fact]
    public void Rates_names_with_an_unmatched_token_on_each_side_as_different()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("John Paul Smith", "John Peter Smith"));
    }

    [Fact]
    public void Rates_a_single_typo_between_one_token_names_as_different()
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("Jonathan", "Jonathon"));
    }

    [Fact]
    public void Matches_identical_single_token_names_as_same()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("Madonna", "MADONNA"));
    }

    [Theory]
    [InlineData("", "John Smith")]
    [InlineData("John Smith", "")]
    [InlineData("   ", "   ")]
    [InlineData("", "")]
    [InlineData("--", "--")]
    public void Rates_empty_or_whitespace_input_as_different(string a, string b)
    {
        Assert.Equal(NameMatch.Different, NameMatcher.Compare(a, b));
    }

    [Fact]
    public void Compares_only_the_first_eight_tokens_of_very_long_names()
    {
        const string first8 = "Ana Beatriz Carla Diana Elena Fatima Gloria Helena";
        Assert.Equal(NameMatch.Same, NameMatcher.Compare(first8 + " Isabel", first8 + " Juliana"));
    }

    [Fact]
    public void Matches_eight_token_names_in_any_order()
    {
        Assert.Equal(
            NameMatch.Same,
            NameMatcher.Compare(
                "Ana Beatriz Carla Diana Elena Fatima Gloria Helena",
                "Helena Gloria Fatima Elena Diana Carla Beatriz Ana"));
    }

    [Fact]
    public void Matches_identical_hangul_names()
    {
        Assert.Equal(NameMatch.Same, NameMatcher.Compare("김상만", "김상만"));
        Assert.Equal(NameMatch.Different, NameMatcher.Compare("김상만", "김철민"));
    }

    [Theory]
    [InlineData("Sang-Man Kim", "Kim Sangman")]
    [InlineData("J. Smith", "John Smith")]
    [InlineData("John Smith", "John Paul Smith")]
    [InlineData("Jonathan Smith", "Jonathon Smith")]
    [InlineData("John Smith", "Jane Smith")]
    [InlineData("Hyun-Woo Park", "Pak Hyeonwoo")]
    [InlineData("Jang Wei", "Zhang Wei")]
    public void Gives_the_same_answer_whichever_name_comes_first(string a, string b)
    {
        Assert.Equal(NameMatcher.Compare(a, b), NameMatcher.Compare(b, a));
    }
}
