using HireVet.Application.Checks;
using HireVet.Application.Vetting.Scoring;

namespace HireVet.UnitTests.Vetting.Scoring;

public sealed class RulesetTests
{
    private static Signal S(string indicator, int weight, string severity = Severity.High) =>
        new() { IndicatorId = indicator, Weight = weight, Severity = severity };

    [Fact]
    public void The_embedded_ruleset_has_a_version_and_a_content_hash()
    {
        Assert.Matches(@"^\d{4}\.\d{2}-\d+$", Ruleset.Embedded.Version);
        Assert.Matches("^[0-9a-f]{64}$", Ruleset.Embedded.Hash);
    }

    [Fact]
    public void One_high_indicator_means_review_and_two_mean_high()
    {
        var r = Ruleset.Embedded;
        Assert.Equal((0, "clear"), r.Score([]));
        Assert.Equal((40, "review"), r.Score([S("PAY-04", 40)]));
        Assert.Equal((80, "high"), r.Score([S("PAY-04", 40), S("PAY-01", 40)]));
    }

    [Fact]
    public void A_combination_whose_indicators_all_fired_adds_its_bonus()
    {
        var result = Ruleset.Embedded.Evaluate([S("PAY-04", 40), S("SHIP-01", 35)]);
        Assert.Equal((85, "high"), (result.Score, result.Band));
        Assert.Equal(["payee and laptop both go elsewhere"], result.Combinations);
        Assert.Empty(Ruleset.Embedded.Evaluate([S("PAY-04", 40)]).Combinations);
    }

    [Fact]
    public void An_indicator_counts_once_however_many_signals_it_has()
    {
        Assert.Equal((35, "review"), Ruleset.Embedded.Score([S("SHIP-01", 35), S("SHIP-01", 35)]));
    }

    [Fact]
    public void A_critical_signal_goes_to_the_top_of_the_scale()
    {
        Assert.Equal((100, "high"), Ruleset.Embedded.Score([S("PAY-13", 0, Severity.Critical)]));
    }

    [Fact]
    public void HR_only_indicators_weigh_nothing()
    {
        Assert.Equal(0, Ruleset.Embedded.WeightOf("ID-16", Severity.High));
        Assert.Equal(0, Ruleset.Embedded.WeightOf("INT-11", Severity.Medium));
    }

    [Fact]
    public void An_indicator_can_weigh_its_severities_differently()
    {
        var r = Ruleset.Parse("""
            {"version":"t","bands":{"review":30,"high":70},"indicators":{"NET-08":{"high":70,"medium":20},"PAY-04":40},"hrOnly":[]}
            """);
        Assert.Equal(70, r.WeightOf("NET-08", Severity.High));
        Assert.Equal(20, r.WeightOf("NET-08", Severity.Medium));
        Assert.Equal(0, r.WeightOf("NET-08", Severity.Low));
        Assert.Equal(40, r.WeightOf("PAY-04", Severity.Low));
        Assert.Equal(0, r.WeightOf("NET-99", Severity.High));
    }

    [Fact]
    public void A_ruleset_that_weighs_an_HR_only_indicator_is_refused()
    {
        var error = Assert.Throws<FluentValidation.ValidationException>(() => Ruleset.Parse("""
            {"version":"bad","bands":{"review":30,"high":70},"indicators":{"ID-16":20},"hrOnly":["ID-16"]}
            """));
        Assert.Contains(error.Errors, e => e.PropertyName == "indicators.ID-16" && e.ErrorMessage.Contains("HR-only"));
    }
}
