using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

[Collection(SdnDataCollection.Name)]
public class SanctionsIndexTests(SdnDataFixture data)
{
    private const int KimSangMan = 43377;
    private SanctionsIndex Index => data.Index;

    [Theory]
    [InlineData("Sang-Man Kim")]
    [InlineData("KIM SANGMAN")]
    [InlineData("Gim Sang Man")]
    [InlineData("Kim, Sang Man")]
    [InlineData("Sangman Kim")]
    [InlineData("kim sang-man")]
    public void Finds_Kim_Sang_Man_under_spellings_and_word_orders(string name)
    {
        var hit = Assert.Single(Index.Screen(name));

        Assert.Equal(KimSangMan, hit.Entry.ProfileId);
        Assert.Equal(1.0, hit.NameScore);
        Assert.Contains("DPRK programme: DPRK4", hit.Reasons);
    }

    [Fact]
    public void Explains_which_listed_name_matched_and_how()
    {
        var hit = Assert.Single(Index.Screen("Sang-Man Kim"));

        Assert.Equal("Kim, Sang Man", hit.MatchedName);
        Assert.Equal("Name 'Sang-Man Kim' matches primary name 'Kim, Sang Man' (score 1.00)", hit.Reasons[0]);
        Assert.Contains("romanisation variant", Assert.Single(Index.Screen("Gim Sang Man")).Reasons[0]);
        Assert.Contains("joined/split given name", Assert.Single(Index.Screen("KIM SANGMAN")).Reasons[0]);
    }

    [Fact]
    public void Finds_Song_Kum_Hyok_the_CYBER4_IT_worker_and_notes_the_north_korean_listing()
    {
        var hit = Assert.Single(Index.Screen("Song Kum Hyok"));

        Assert.Equal(49970, hit.Entry.ProfileId);
        Assert.False(hit.Entry.IsDprkProgram);
        Assert.Contains("Programmes: CYBER4", hit.Reasons);
        Assert.Contains(hit.Reasons, reason => reason.Contains("North Korea", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Jong Song Hwa", 24979)]
    [InlineData("Jung Sung Hwa", 24979)]
    [InlineData("Yanbian Silverstar Network Technology", 24977)]
    [InlineData("Yanbian Silverstar Network Technology Co., Ltd.", 24977)]
    [InlineData("YANBIAN SILVERSTAR NETWORK TECHNOLOGY COMPANY LIMITED", 24977)]
    [InlineData("China Silver Star Internet Technology Company", 24977)]
    [InlineData("Jinyong IT Cooperation Company", 43379)]
    [InlineData("Lazarus Group", 27307)]
    [InlineData("Lazarus", 27307)]
    [InlineData("Kim Jong-un", 20157)]
    public void Finds_DPRK_IT_worker_parties_named_in_the_indicator_catalogue(string name, int profileId)
    {
        var hits = Index.Screen(name);

        Assert.Equal(profileId, hits[0].Entry.ProfileId);
        Assert.True(hits[0].NameScore >= SanctionsIndex.MatchThreshold);
        Assert.Contains(hits[0].Reasons, reason => reason.StartsWith("DPRK programme: DPRK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Emily Carter")]
    [InlineData("John Smith")]
    [InlineData("Kim Sang Min")]
    [InlineData("Kim Sangmin")]
    [InlineData("Kim")]
    [InlineData("Sang Man")]
    [InlineData("Jong Song")]
    [InlineData("Lazarus Smith")]
    [InlineData("Muhammad")]
    [InlineData("Trading Company Ltd")]
    [InlineData("")]
    [InlineData(" ,.- ")]
    public void Returns_nothing_for_near_misses_single_tokens_and_common_names(string name)
    {
        Assert.Empty(Index.Screen(name));
    }

    [Fact]
    public void Tolerates_one_spelling_slip_in_a_long_token_but_says_so()
    {
        var hit = Assert.Single(Index.Screen("Andreyev Vitaly Sergeyevich"));

        Assert.Equal(55065, hit.Entry.ProfileId);
        Assert.InRange(hit.NameScore, SanctionsIndex.MatchThreshold, 0.99);
        Assert.Contains("one-letter spelling difference", hit.Reasons[0]);
    }

    [Theory]
    [InlineData("1965", SanctionsHit.Match)]
    [InlineData("1965-04", SanctionsHit.Match)]
    [InlineData("1965-04-25", SanctionsHit.Match)]
    [InlineData("1965-04-26", SanctionsHit.Mismatch)]
    [InlineData("1975", SanctionsHit.Mismatch)]
    [InlineData(null, SanctionsHit.Unknown)]
    [InlineData("25/04/1965", SanctionsHit.Unknown)]
    public void Reports_whether_the_date_of_birth_agrees(string? dateOfBirth, string expected)
    {
        var hit = Assert.Single(Index.Screen("Kim Sang Man", dateOfBirth));

        Assert.Equal(KimSangMan, hit.Entry.ProfileId);
        Assert.Equal(expected, hit.DateOfBirthAgreement);
    }

    [Fact]
    public void Words_the_date_of_birth_reasons_for_an_analyst()
    {
        Assert.Contains("Date of birth 1965 agrees (listed 1965-04-25)", Index.Screen("Kim Sang Man", "1965")[0].Reasons);
        Assert.Contains("Date of birth 1975 does not agree (listed 1965-04-25)", Index.Screen("Kim Sang Man", "1975")[0].Reasons);
    }

    [Fact]
    public void Treats_an_approximate_listed_year_as_give_or_take_a_year()
    {
        // SAHINPASIC, Senad: "circa 1951".
        Assert.Equal(SanctionsHit.Match, Index.Screen("Senad Sahinpasic", "1952")[0].DateOfBirthAgreement);
        Assert.Equal(SanctionsHit.Mismatch, Index.Screen("Senad Sahinpasic", "1955")[0].DateOfBirthAgreement);
    }

    [Theory]
    [InlineData("KP", SanctionsHit.Match)]
    [InlineData("kp", SanctionsHit.Match)]
    [InlineData("Korea, North", SanctionsHit.Match)]
    [InlineData("North Korea", SanctionsHit.Match)]
    [InlineData("Russia", SanctionsHit.Match)]
    [InlineData("FR", SanctionsHit.Mismatch)]
    [InlineData(null, SanctionsHit.Unknown)]
    [InlineData("Atlantis", SanctionsHit.Unknown)]
    public void Reports_whether_the_country_agrees(string? country, string expected)
    {
        var hit = Assert.Single(Index.Screen("Kim Sang Man", country: country));

        Assert.Equal(expected, hit.CountryAgreement);
    }

    [Fact]
    public void Never_lets_date_of_birth_or_country_create_or_drop_a_hit()
    {
        var plain = Index.Screen("Kim Yong Chol");
        var withDetails = Index.Screen("Kim Yong Chol", "1999-01-01", "FR");

        Assert.True(plain.Count >= 2);
        Assert.Equal(plain.Select(hit => hit.Entry.ProfileId), withDetails.Select(hit => hit.Entry.ProfileId));
        Assert.Equal(plain.Select(hit => hit.NameScore), withDetails.Select(hit => hit.NameScore));
    }

    [Fact]
    public void Returns_at_most_max_hits_best_first()
    {
        var all = Index.Screen("Kim Yong Chol", max: 50);
        var one = Index.Screen("Kim Yong Chol", max: 1);

        Assert.Single(one);
        Assert.Equal(all[0].Entry.ProfileId, one[0].Entry.ProfileId);
        Assert.Equal(all.Select(hit => hit.NameScore).OrderDescending(), all.Select(hit => hit.NameScore));
        Assert.Equal(all.Count, all.Select(hit => hit.Entry.ProfileId).Distinct().Count());
        Assert.Empty(Index.Screen("Kim Yong Chol", max: 0));
    }

    [Fact]
    public void Finds_every_listed_multi_word_name_of_the_DPRK_entries_as_its_own_entry()
    {
        var dprk = data.List.Entries.Where(entry => entry.IsDprkProgram).ToList();
        var misses = (
            from entry in dprk
            from name in entry.Aliases.Prepend(entry.PrimaryName)
            where name.Contains(' ', StringComparison.Ordinal)
            where Index.Screen(name, max: 50).All(hit => hit.Entry.ProfileId != entry.ProfileId)
            select $"{entry.ProfileId}: {name}").ToList();

        Assert.Empty(misses);
    }

    [Fact]
    public void Looks_up_entries_by_e_mail_address_ignoring_case_and_spaces()
    {
        var entry = Assert.Single(Index.ByEmail(" WangGe327@Yahoo.com "));

        Assert.Equal(49970, entry.ProfileId);
        Assert.Empty(Index.ByEmail("someone@example.com"));
    }

    [Theory]
    [InlineData("jalili.ir")]
    [InlineData("www.jalili.ir")]
    [InlineData("https://www.JALILI.ir/")]
    [InlineData("http://jalili.ir/contact?x=1")]
    public void Looks_up_entries_by_website_host(string host)
    {
        var entry = Assert.Single(Index.ByWebsiteHost(host));

        Assert.Equal(15541, entry.ProfileId);
    }

    [Theory]
    [InlineData("http://www.jalili.ir", "jalili.ir")]
    [InlineData("https://WWW.Example.com:8443/path/?q=1", "example.com")]
    [InlineData("example.com/", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("  ", null)]
    public void Reduces_a_website_to_its_host(string website, string? host)
    {
        Assert.Equal(host, SanctionsIndex.NormalizeHost(website));
    }

    [Fact]
    public void Finds_no_entry_for_an_unlisted_host()
    {
        Assert.Empty(Index.ByWebsiteHost("example.com"));
        Assert.Empty(Index.ByWebsiteHost(""));
    }

    [Fact]
    public void Screens_from_several_threads_at_once_with_the_same_answers()
    {
        string[] names = ["Sang-Man Kim", "Song Kum Hyok", "Emily Carter", "Kim Yong Chol", "Lazarus"];
        var expected = names.Select(name => string.Join(",", Index.Screen(name).Select(hit => hit.Entry.ProfileId))).ToArray();

        var results = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => (i % names.Length, string.Join(",", Index.Screen(names[i % names.Length]).Select(hit => hit.Entry.ProfileId))))
            .ToList();

        Assert.All(results, result => Assert.Equal(expected[result.Item1], result.Item2));
    }
}
