using HireVet.Application.Checks;
using HireVet.Application.Checks.History;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.History;

public sealed class DormantProfileCheckTests
{
    private static PartialDate On(string text) => PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    private static DeveloperProfile GitHub(string handle = "emcarter") => new()
    {
        Kind = "github", Handle = handle, Url = $"https://github.com/{handle}", CreatedOn = new DateOnly(2014, 3, 2),
    };

    private static CheckResult Run(params DeveloperProfile[] profiles) =>
        new DormantProfileCheck().Run(new VettingContext(1, Honest with { Profiles = profiles }, []));

    [Fact]
    public void A_profile_without_an_activity_summary_is_not_evaluated() =>
        Assert.NotNull(Run(GitHub() with { EarliestActivityOn = new DateOnly(2014, 3, 5) }).NotEvaluatedReason);

    [Fact]
    public void Dormant_for_years_and_revived_just_before_the_application_is_medium_with_the_thresholds_in_the_evidence()
    {
        // Bought accounts: a few commits in 2015, nothing until autumn 2026, then a burst of activity.
        var bought = GitHub("lazy-otter") with
        {
            FirstActivityOn = On("2015-01"), LastActivityOn = On("2026-11-18"),
            LongestInactiveGap = new() { From = On("2015-06"), To = On("2026-09") },
        };

        var signal = Assert.Single(Run(bought).Signals);

        Assert.Equal(("ID-19", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("had no public activity from 2015-06 to 2026-09 (11 years)", signal.Explanation);
        Assert.Contains("S54", signal.Explanation);
        Assert.Equal("dormant-then-active", signal.Evidence["findings"]![0]!["finding"]!.GetValue<string>());
        Assert.Equal(DormantProfileCheck.DormantYears, signal.Evidence["thresholds"]!["dormantYears"]!.GetValue<int>());
    }

    [Fact]
    public void A_long_gap_long_ago_with_years_of_activity_since_is_a_parental_leave_not_a_revived_account()
    {
        var parent = GitHub() with
        {
            FirstActivityOn = On("2012"), LastActivityOn = On("2026-11"),
            LongestInactiveGap = new() { From = On("2016-05"), To = On("2019-09") },
        };
        Assert.Equal(CheckResult.NotFired, Run(parent));
    }

    [Fact]
    public void A_gap_known_only_to_the_year_counts_only_the_years_it_certainly_lasted()
    {
        // "2020 to 2023" is certainly only from the end of 2020 to the start of 2023: two years, under the threshold.
        var vague = GitHub() with { LastActivityOn = On("2023-06"), LongestInactiveGap = new() { From = On("2020"), To = On("2023") } };
        Assert.Equal(CheckResult.NotFired, Run(vague));
    }

    [Fact]
    public void Content_older_than_the_account_fires_unless_marked_imported_or_already_counted_under_ID_15()
    {
        var aged = GitHub() with { CreatedOn = new DateOnly(2025, 2, 1), EarliestContentOn = On("2017-03") };
        var signal = Assert.Single(Run(aged).Signals);
        Assert.Contains("hosts content from 2017-03, before the account was created on 2025-02-01", signal.Explanation);

        // A developer who moved their repositories from a self-hosted GitLab: the import keeps the old commit dates.
        Assert.Equal(CheckResult.NotFired, Run(aged with { ContentImported = true }));
        // Activity from before creation is the profile-age check's (ID-15): one fact is not counted twice.
        Assert.Equal(CheckResult.NotFired, Run(aged with { EarliestActivityOn = new DateOnly(2017, 3, 1) }));
    }

    [Fact]
    public void Many_commit_emails_fire_but_a_work_and_a_personal_address_and_the_no_reply_one_do_not()
    {
        Assert.Equal(CheckResult.NotFired, Run(GitHub() with { DistinctCommitEmails = 3 }));
        Assert.Equal(CheckResult.NotFired, Run(GitHub() with { DistinctCommitEmails = DormantProfileCheck.MaxHonestCommitEmails }));

        var shared = Assert.Single(Run(GitHub() with { DistinctCommitEmails = 14 }).Signals);
        Assert.Contains("14 different e-mail addresses", shared.Explanation);
    }

    [Fact]
    public void Every_finding_on_every_profile_is_in_one_medium_signal()
    {
        var github = GitHub() with { DistinctCommitEmails = 9 };
        var gitlab = new DeveloperProfile
        {
            Kind = "gitlab", Handle = "ecarter", CreatedOn = new DateOnly(2024, 1, 10), EarliestContentOn = On("2016"),
        };
        var signal = Assert.Single(Run(github, gitlab).Signals);
        Assert.Equal(["many-commit-emails", "content-older-than-account"],
            signal.Evidence["findings"]!.AsArray().Select(f => f!["finding"]!.GetValue<string>()));
    }
}
