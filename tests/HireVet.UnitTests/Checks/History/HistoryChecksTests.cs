using HireVet.Application.Checks;
using HireVet.Application.Checks.History;
using HireVet.Application.Dossiers;
using static HireVet.UnitTests.Checks.CheckTestData;

namespace HireVet.UnitTests.Checks.History;

public sealed class HistoryChecksTests
{
    private static VettingContext With(Dossier d) => new(1, d, []);

    private static Employment Job(string employer, int fromYear, int? toYear) =>
        new() { Employer = employer, StartedOn = new DateOnly(fromYear, 1, 1), EndedOn = toYear is null ? null : new DateOnly(toYear.Value, 1, 1) };

    [Fact]
    public void A_consecutive_career_raises_nothing()
    {
        var d = Honest with { DateOfBirth = new DateOnly(1990, 1, 1), EmploymentHistory = [Job("Acme", 2012, 2016), Job("Globex", 2016, 2020), Job("Initech", 2020, null)] };
        Assert.Equal(CheckResult.NotFired, new EmploymentTimelineCheck().Run(With(d)));
    }

    [Fact]
    public void A_job_before_the_age_of_fourteen_is_medium_and_long_parallel_jobs_are_low()
    {
        var d = Honest with { DateOfBirth = new DateOnly(2000, 6, 1), EmploymentHistory = [Job("Acme", 2010, 2015), Job("Globex", 2013, 2018)] };

        var signals = new EmploymentTimelineCheck().Run(With(d)).Signals;

        Assert.Equal([Severity.Medium, Severity.Low], signals.Select(s => s.Severity));
        Assert.All(signals, s => Assert.Equal("ID-06", s.IndicatorId));
        Assert.Contains("Acme from 2010-01", signals[0].Explanation);
        Assert.Contains("Acme and Globex (24 months)", signals[1].Explanation);
    }

    [Fact]
    public void A_profile_whose_activity_predates_its_creation_raises_ID_15_but_a_month_of_slack_does_not()
    {
        DeveloperProfile GitHub(string created, string earliest) => new()
        {
            Kind = "github", Handle = "dev", Url = "https://github.com/dev", CreatedOn = DateOnly.Parse(created, System.Globalization.CultureInfo.InvariantCulture), EarliestActivityOn = DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(CheckResult.NotFired, new ProfileAgeCheck().Run(With(Honest with { Profiles = [GitHub("2023-03-01", "2023-02-15")] })));

        var signal = Assert.Single(new ProfileAgeCheck().Run(With(Honest with { Profiles = [GitHub("2024-05-01", "2019-01-10")] })).Signals);
        Assert.Equal("ID-15", signal.IndicatorId);
        Assert.Contains("activity 2019-01-10, created 2024-05-01", signal.Explanation);
    }
}
