using System.Text.Json.Nodes;
using ValidationException = FluentValidation.ValidationException;
using HireVet.Application.Checks;
using HireVet.Application.Vetting.Scoring;

namespace HireVet.UnitTests.Vetting.Scoring;

/// <summary>One ordinary life event is one fact: the shipped ruleset's lifeEvents on signals as the checks place them.</summary>
public sealed class LifeEventScoringTests
{
    private static readonly Ruleset R = Ruleset.Embedded;

    private static Signal S(string indicator, string severity, string? place = null, string? explainedBy = null) => new()
    {
        IndicatorId = indicator, Severity = severity, Weight = R.WeightOf(indicator, severity), Place = place,
        Evidence = explainedBy is null ? [] : new JsonObject { ["explainedBy"] = explainedBy },
    };

    [Fact]
    public void A_relocation_counts_once_as_its_heaviest_signal()
    {
        // Sightings from Germany before the move (20), a German bank (15), a German phone (5): one fact, not 40.
        Signal[] signals = [S("NET-08", Severity.Medium, "DE", "ties"), S("PAY-02", Severity.Medium, "DE"), S("ID-01", Severity.Low, "DE")];

        var result = R.Evaluate(signals);

        Assert.Equal((20, "clear"), (result.Score, result.Band));
        var lifeEvent = Assert.Single(result.LifeEvents);
        Assert.Equal(("DE", 20), (lifeEvent.Place, lifeEvent.Points));
        Assert.Equal(["ID-01", "NET-08", "PAY-02"], lifeEvent.Indicators);
    }

    [Fact]
    public void Signals_ordinary_life_does_not_explain_still_add_up_beside_the_event()
    {
        // A reference on webmail (ID-11) is neither part of the event nor a reason to undo it.
        var result = R.Evaluate([S("NET-08", Severity.Medium, "DE", "trip"), S("ID-01", Severity.Low, "DE"), S("ID-11", Severity.Low)]);

        Assert.Equal(25, result.Score);
    }

    [Theory]
    [InlineData("NET-04", Severity.Medium, null)] // a hosting exit
    [InlineData("NET-07", Severity.Medium, null)] // a consumer VPN
    [InlineData("NET-08", Severity.Medium, null)] // a China or Russia network, or months in an unmentioned country
    [InlineData("NET-09", Severity.Medium, null)] // the clock of a country nothing ties the candidate to
    [InlineData("PAY-04", Severity.High, null)]   // a payee who is someone else
    [InlineData("ID-15", Severity.Medium, null)]  // a back-dated profile
    [InlineData("LINK-04", Severity.High, null)]  // a shared identifier
    public void A_corroborating_signal_undoes_the_grouping(string indicator, string severity, string? place)
    {
        Signal[] relocation = [S("NET-08", Severity.Medium, "GB", "ties"), S("PAY-02", Severity.Medium, "GB"), S("ID-01", Severity.Low, "GB")];
        var corroborating = S(indicator, severity, place);
        var alone = relocation.Sum(s => s.Weight);

        var result = R.Evaluate([.. relocation, corroborating]);

        Assert.Empty(result.LifeEvents);
        Assert.Contains(indicator, result.CorroboratedBy);
        Assert.Equal(Math.Min(R.MaxScore, indicator == "NET-08" ? alone : alone + corroborating.Weight), result.Score); // NET-08 counts once
    }

    [Fact]
    public void Grouping_never_raises_a_score()
    {
        // Ties to Germany (20 as one event) and a session in Austria (NET-08 again): NET-08 already counts once as an
        // indicator, so the signals alone say 35 where the event and the Austrian sighting would say 40.
        var result = R.Evaluate([S("NET-08", Severity.Medium, "DE", "ties"), S("PAY-02", Severity.Medium, "DE"), S("NET-08", Severity.Medium, "AT", "trip")]);

        Assert.Equal(35, result.Score);
        Assert.Empty(result.LifeEvents);
    }

    [Fact]
    public void Ring_tactics_that_reach_review_alone_still_do()
    {
        Assert.Equal("review", R.Evaluate([S("NET-09", Severity.Medium)]).Band); // a clock in GMT+8/+9 and nothing else there
        Assert.Equal("review", R.Evaluate([S("PAY-02", Severity.High), S("ID-01", Severity.Low, "CN")]).Band); // a PRC bank
        Assert.Equal("review", R.Evaluate([S("NET-09", Severity.Medium, "KR"), S("ID-01", Severity.Low, "KR")]).Band); // the heaviest member counts
    }

    [Fact]
    public void The_breakdown_shows_the_event_and_each_signal_says_it_was_counted_once()
    {
        Signal[] signals = [S("NET-08", Severity.Medium, "DE", "trip"), S("NET-09", Severity.Medium, "DE")];
        var score = R.Evaluate(signals).Score;

        var breakdown = ScoreBreakdown.Explain(score, signals, [], R);

        var part = Assert.Single(breakdown.Parts, p => p.Kind == "life-event");
        Assert.Equal(("life event: Germany", 30), (part.Label, part.Points));
        Assert.Equal("counted once: NET-08, NET-09 explained by one trip to Germany", part.Detail);
        Assert.All(breakdown.Parts.Where(p => p.Kind == "indicator"), p => Assert.Equal(0, p.Points));
        Assert.Equal(score, breakdown.Total);
        Assert.Equal("counted once: explained by one trip to Germany", breakdown.CountedOnce(signals[0]));
    }

    [Fact]
    public void Ties_are_worded_by_what_points_to_the_country()
    {
        Signal[] signals = [S("PAY-02", Severity.Medium, "MX"), S("ID-01", Severity.Low, "MX")];

        var breakdown = ScoreBreakdown.Explain(R.Evaluate(signals).Score, signals, [], R);

        Assert.Equal("counted once: explained by ties kept to Mexico (a bank account there, a phone number from there)", breakdown.CountedOnce(signals[1]));
    }

    [Fact]
    public void A_ruleset_naming_something_else_than_an_indicator_in_its_life_events_is_refused()
    {
        var text = R.Text.Replace("\"explains\": [\"NET-08:medium\"", "\"explains\": [\"NET-08:sometimes\"");

        var e = Assert.Throws<ValidationException>(() => Ruleset.Parse(text));

        Assert.Contains(e.Errors, f => f.PropertyName == "lifeEvents.explains" && f.ErrorMessage.Contains("NET-08:sometimes"));
    }

    [Fact]
    public void Signals_stored_before_places_existed_score_as_they_did()
    {
        Signal[] signals = [S("NET-08", Severity.Medium), S("PAY-02", Severity.Medium), S("ID-01", Severity.Low)];

        Assert.Equal(40, R.Evaluate(signals).Score);
    }

    [Fact]
    public void Places_survive_the_stored_signals_json_so_shadow_runs_group_as_vetting_did()
    {
        Signal[] signals = [S("NET-08", Severity.Medium, "DE", "ties"), S("PAY-02", Severity.Medium, "DE"), S("ID-01", Severity.Low, "DE")];

        var json = System.Text.Json.JsonSerializer.Serialize(signals, HireVet.Application.Dossiers.DossierJson.Options);
        var stored = System.Text.Json.JsonSerializer.Deserialize<Signal[]>(json, HireVet.Application.Dossiers.DossierJson.Options)!;

        Assert.Contains("\"place\":\"DE\"", json);
        Assert.Equal(R.Evaluate(signals).Score, R.Rescore(stored).Score);
        Assert.Single(R.Rescore(stored).LifeEvents);
    }
}
