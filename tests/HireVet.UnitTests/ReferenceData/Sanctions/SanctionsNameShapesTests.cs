using HireVet.Application.Checks;
using HireVet.Application.Checks.Sanctions;
using HireVet.Application.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

/// <summary>The everyday shapes of a listed name on a form (issue 16 part 4), each on a real entry of the
/// 2025-11-19 SDN list, and the guards against the false hits the peers' suites and our own variants caught.</summary>
[Collection(SdnDataCollection.Name)]
public class SanctionsNameShapesTests(SdnDataFixture data)
{
    private const int Kadyrov = 23343;
    private const int Sechin = 16692;
    private const int Makhlouf = 10725;
    private const int Lukashenko = 9760;
    private const int Khoroshev = 48603;
    private const int BinLadin = 6365;
    private const int Assad = 12735;
    private const int Putin = 35096;
    private const int JongSongHwa = 24979;
    private const int Hamas = 4695;
    private const int Hizballah = 4697;

    private SanctionsIndex Index => data.Index;

    private SanctionsHit Found(string name, int profileId, SanctionsSubject subject = SanctionsSubject.Person)
    {
        var hits = Index.Screen(name, subject: subject);
        return Assert.Single(hits, hit => hit.Entry.ProfileId == profileId);
    }

    [Theory]
    [InlineData("Ramzan Kadyrov", Kadyrov)]
    [InlineData("Igor Sechin", Sechin)]
    [InlineData("Dmitry Khoroshev", Khoroshev)]
    [InlineData("Putin Vladimirovich", Putin)]
    public void Finds_a_person_named_without_middle_name_or_patronymic_and_says_so(string name, int profileId)
    {
        var hit = Found(name, profileId);

        Assert.True(hit.NameScore >= SanctionsIndex.MatchThreshold);
        Assert.Contains("middle name or patronymic not given", hit.Reasons[0]);
    }

    [Theory]
    [InlineData("KADYROV Rámzan", Kadyrov)]
    [InlineData("Séchin, Ígor", Sechin)]
    [InlineData("LUKAŠENKO Aleksandr", Lukashenko)]
    public void Finds_surname_first_with_accents(string name, int profileId) => Found(name, profileId);

    [Theory]
    [InlineData("Dr. Rami Makhlouf", Makhlouf)]
    [InlineData("Mr. Ramzan Kadyrov", Kadyrov)]
    [InlineData("President Bashar al-Assad", Assad)]
    public void Ignores_titles(string name, int profileId) => Found(name, profileId);

    [Theory]
    [InlineData("RamiMakhlouf", Makhlouf)]
    [InlineData("Ramimakhlouf", Makhlouf)]
    [InlineData("VladimirPutin", Putin)]
    public void Splits_words_run_together(string name, int profileId) => Found(name, profileId);

    [Theory]
    [InlineData("Рамзан Кадыров", Kadyrov)]
    [InlineData("Игорь Сечин", Sechin)]
    [InlineData("정성화", JongSongHwa)]
    public void Finds_people_in_the_script_the_list_also_carries_them_in(string name, int profileId) => Found(name, profileId);

    [Fact]
    public void Reads_Cyrillic_in_Latin_letters_for_a_person_listed_only_in_Latin_and_says_so()
    {
        var hit = Found("Дмитрий Хорошев", Khoroshev);

        Assert.Contains("read as 'dmitriy khoroshev'", hit.Reasons[0]);
        Assert.Contains("read from another script", hit.Reasons[0]);
    }

    [Theory]
    [InlineData("Osama ibn Laden", BinLadin)]
    [InlineData("Usama Ben Ladin", BinLadin)]
    [InlineData("Bashar el-Assad", Assad)]
    [InlineData("Bashar Assad", Assad)]
    public void Ignores_the_particles_of_Arabic_names(string name, int profileId) => Found(name, profileId);

    [Theory]
    [InlineData("Aliaksandr Lukashenka", Lukashenko)]
    [InlineData("Ramzan Kadirov", Kadyrov)]
    [InlineData("Rami Makhlouf", Makhlouf)]
    public void Finds_transliteration_variants(string name, int profileId) => Found(name, profileId);

    [Fact]
    public void Finds_an_organisation_under_another_transliteration_and_says_so()
    {
        Assert.Contains("transliteration variant", Found("Hezbollah", Hizballah, SanctionsSubject.Organisation).Reasons[0]);
        Found("Hizbollah", Hizballah, SanctionsSubject.Organisation);
    }

    [Theory]
    [InlineData("Ig0r Sech1n", Sechin)]
    [InlineData("I9or Sech1n", Sechin)]
    [InlineData("Rami Makhl0uf", Makhlouf)]
    public void Reads_digits_that_stand_in_for_letters(string name, int profileId) => Found(name, profileId);

    [Theory]
    [InlineData("Dmitry Khorashev", Khoroshev)]
    [InlineData("Aleksandr Lukashemko", Lukashenko)]
    public void Tolerates_one_typo_in_a_long_name(string name, int profileId) =>
        Assert.Contains("one-letter spelling difference", Found(name, profileId).Reasons[0]);

    [Theory]
    [InlineData("HAMAS MOVEMENT", Hamas)]
    [InlineData("Hizballah party", Hizballah)]
    public void Ignores_a_descriptor_added_to_an_organisation(string name, int profileId) =>
        Found(name, profileId, SanctionsSubject.Organisation);

    [Fact]
    public void Reads_an_initial_as_a_given_name_that_starts_with_it()
    {
        Assert.Contains("initial for a given name", Found("V. Putin", Putin).Reasons[0]);
    }

    [Theory]
    [InlineData("Ivan Sidorenko", 32972)]
    [InlineData("Aleksandr Sokolov", 41132)]
    [InlineData("Mikhail Lomonosov", 37051)]
    public void Never_matches_a_person_to_a_vessel_of_the_same_name(string name, int vessel)
    {
        Assert.Contains(Index.Screen(name), hit => hit.Entry.ProfileId == vessel);
        Assert.DoesNotContain(Index.Screen(name, subject: SanctionsSubject.Person), hit => hit.Entry.Type is "vessel" or "aircraft");
        Assert.DoesNotContain(Index.Screen(name, subject: SanctionsSubject.PersonOrOrganisation), hit => hit.Entry.Type is "vessel" or "aircraft");
    }

    [Theory]
    [InlineData("ABC Corporation")]
    [InlineData("ABC Inc.")]
    [InlineData("Global Trading LLC")]
    [InlineData("Golden Star LLC")]
    [InlineData("General Trading Company")]
    public void Does_not_match_generic_company_names_once_legal_forms_are_stripped(string name)
    {
        Assert.Empty(Index.Screen(name, subject: SanctionsSubject.Organisation));
    }

    [Fact]
    public void Still_matches_a_generic_listed_company_name_written_in_full()
    {
        Assert.Equal(18748, Index.Screen("ABC LLC", subject: SanctionsSubject.Organisation)[0].Entry.ProfileId);
    }

    [Theory]
    [InlineData("KOMID", 49264)] // not Chimmed Group: three consonants are too few for a one-word transliteration match
    [InlineData("Putin Vladimirovich", 38244)] // not POTANIN, Ivan Vladimirovich
    [InlineData("SAIF AL-DIN AL-RAWI", 7856)] // three of six parts of AL-RAWI, Saif-al-Din Fulayyih Hassan Taha
    [InlineData("TAHA YASSIN RAMADAN AL-MOSULI", 7862)] // RAMADAN, Taha Yassin with another family name added
    [InlineData("Kim Sang Min", 43377)] // Kim Sang Man: Korean syllables are not spelling variants
    public void Keeps_apart_names_that_only_look_alike(string name, int profileId)
    {
        Assert.DoesNotContain(Index.Screen(name, subject: SanctionsSubject.PersonOrOrganisation), hit => hit.Entry.ProfileId == profileId);
    }

    [Fact]
    public void Grades_a_name_only_hit_on_a_common_name_for_review_with_what_would_confirm_it()
    {
        var hit = Index.Screen("Mohammed Ali", subject: SanctionsSubject.Person)[0];
        var grade = SanctionsScreeningCheck.GradeOf(hit);

        Assert.True(hit.CommonName);
        Assert.Equal((SanctionsScreeningCheck.NameOnly, Severity.High), (grade.Kind, grade.Severity));
        Assert.Contains(hit.Reasons, reason => reason.Contains("namesake", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_call_a_distinctive_name_common()
    {
        Assert.False(Found("Ramzan Kadyrov", Kadyrov).CommonName);
    }

    [Fact]
    public void Grades_a_hit_whose_date_of_birth_agrees_as_confirmed_and_one_that_differs_as_a_namesake()
    {
        var listed = data.Entry(Kadyrov).DatesOfBirth[0];
        var confirmed = Index.Screen("Ramzan Kadyrov", listed[..4], subject: SanctionsSubject.Person)[0];
        var namesake = Index.Screen("Ramzan Kadyrov", "1999", subject: SanctionsSubject.Person)[0];

        Assert.Equal((SanctionsScreeningCheck.Confirmed, Severity.Critical), (SanctionsScreeningCheck.GradeOf(confirmed).Kind, SanctionsScreeningCheck.GradeOf(confirmed).Severity));
        Assert.Equal((SanctionsScreeningCheck.Namesake, Severity.Medium), (SanctionsScreeningCheck.GradeOf(namesake).Kind, SanctionsScreeningCheck.GradeOf(namesake).Severity));
    }
}
