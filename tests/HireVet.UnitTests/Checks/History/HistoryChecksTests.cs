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

    private static Employment Job(string employer, string from, string? to) => new()
    {
        Employer = employer,
        StartedOn = PartialDate.TryParse(from, out var start) ? start : throw new ArgumentException(from),
        EndedOn = to is null ? null : PartialDate.TryParse(to, out var end) ? end : throw new ArgumentException(to),
    };

    [Fact]
    public void Dates_to_the_year_or_month_count_only_what_is_certain_whichever_day_they_mean()
    {
        // Born May 2000: a job "2014" may have begun after the 14th birthday; a job "2013" cannot have.
        var maybe = Honest with { DateOfBirth = new DateOnly(2000, 5, 1), EmploymentHistory = [Job("Acme", "2014", "2016")] };
        Assert.Equal(CheckResult.NotFired, new EmploymentTimelineCheck().Run(With(maybe)));
        var surely = Honest with { DateOfBirth = new DateOnly(2000, 5, 1), EmploymentHistory = [Job("Acme", "2013", "2016")] };
        Assert.Contains("Acme from 2013", Assert.Single(new EmploymentTimelineCheck().Run(With(surely)).Signals).Explanation);

        // "2018 to 2020" and "2019-01 to 2019-12" certainly share only February to November 2019: under a year.
        var shortOverlap = Honest with { EmploymentHistory = [Job("Acme", "2018", "2020"), Job("Globex", "2019-01", "2019-12")] };
        Assert.Equal(CheckResult.NotFired, new EmploymentTimelineCheck().Run(With(shortOverlap)));
        // "2017-01 to 2019-12" and "2018-01 to now" certainly share February 2018 to November 2019.
        var longOverlap = Honest with { EmploymentHistory = [Job("Acme", "2017-01", "2019-12"), Job("Globex", "2018-01", null)] };
        Assert.Contains("Acme and Globex (22 months)", Assert.Single(new EmploymentTimelineCheck().Run(With(longOverlap)).Signals).Explanation);
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
