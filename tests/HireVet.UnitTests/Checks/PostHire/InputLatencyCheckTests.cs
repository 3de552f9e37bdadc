using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using Microsoft.Extensions.Configuration;
using static HireVet.UnitTests.Checks.PostHire.PostHireTestData;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>NET-16: input latency persistently above what the claimed country (Austin, US) expects.</summary>
public sealed class InputLatencyCheckTests
{
    // One snapshot a day from Monday, as an EDR agent reports them.
    private static EndpointSnapshot Measured(int day, double p95, int samples = 1800, double? p50 = null) =>
        Snapshot(device: "LT-4") with
        {
            TakenAt = Monday.AddDays(day),
            InputLatency = new InputLatency { P50 = p50 ?? p95 / 3, P95 = p95, Samples = samples },
        };

    private static CheckResult Run(params EndpointSnapshot[] snapshots) => new InputLatencyCheck().Run(Hired(Endpoints(snapshots)));

    [Fact]
    public void Keystrokes_arriving_over_110_ms_late_all_week_are_NET_16_medium_with_the_baseline_and_measurements()
    {
        // The reported pattern: a "US" worker whose keystrokes arrive 180-240 ms late, day after day.
        var signal = Assert.Single(Run(Measured(0, 182), Measured(1, 240), Measured(2, 205), Measured(3, 196)).Signals);

        Assert.Equal(("NET-16", Severity.Medium), (signal.IndicatorId, signal.Severity));
        Assert.Contains("110 ms is expected", signal.Explanation);
        Assert.Contains("in US", signal.Explanation);
        Assert.Contains("S51", signal.Explanation);
        Assert.Equal((110, 4, 4), (signal.Evidence["expectedP95Ms"]!.GetValue<int>(), signal.Evidence["snapshotsMeasured"]!.GetValue<int>(),
            signal.Evidence["snapshotsOver"]!.GetValue<int>()));
        Assert.Equal(240, signal.Evidence["snapshots"]![1]!["p95Ms"]!.GetValue<double>());
    }

    [Fact]
    public void A_worker_typing_on_the_laptop_at_home_shows_tens_of_ms_and_is_not_NET_16()
    {
        Assert.Equal(CheckResult.NotFired, Run(Measured(0, 38), Measured(1, 52), Measured(2, 41), Measured(3, 67), Measured(4, 45)));
    }

    [Fact]
    public void A_few_slow_days_of_a_trip_or_a_bad_connection_are_not_persistent()
    {
        // Two slow days out of six: not two thirds, and fewer than three days.
        Assert.Equal(CheckResult.NotFired, Run(Measured(0, 40), Measured(1, 160), Measured(2, 170), Measured(3, 45), Measured(4, 50), Measured(5, 42)));
        // Three slow snapshots, but all on one day.
        var oneDay = new[] { Measured(0, 150), Measured(0, 160) with { TakenAt = Monday.AddHours(4) }, Measured(0, 170) with { TakenAt = Monday.AddHours(8) } };
        Assert.Equal(CheckResult.NotFired, Run([.. oneDay, Measured(1, 150) with { InputLatency = new InputLatency { P95 = 150, Samples = 20 } }]));
    }

    [Fact]
    public void Snapshots_without_the_optional_field_or_with_too_few_inputs_are_not_evaluated_with_the_reason()
    {
        Assert.Contains("inputLatencyMs", Run(Snapshot(), Snapshot()).NotEvaluatedReason);
        Assert.Contains("fewer than 3", Run(Measured(0, 300, samples: 40), Measured(1, 300, samples: 60), Measured(2, 300)).NotEvaluatedReason);
        var nowhere = new InputLatencyCheck().Run(Hired(Endpoints(Measured(0, 300), Measured(1, 300), Measured(2, 300)), Worker with { ClaimedResidence = null }));
        Assert.Contains("claimed country", nowhere.NotEvaluatedReason);
        Assert.Equal("Not hired: no post-hire events.", new InputLatencyCheck().Run(NotHired).NotEvaluatedReason);
    }

    [Fact]
    public void An_operator_baseline_for_the_claimed_country_replaces_the_default()
    {
        var settings = PostHireSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
        [
            new KeyValuePair<string, string?>("PostHire:InputLatencyP95Ms:us", "250"),
            new KeyValuePair<string, string?>("PostHire:InputLatencyP95Ms:Default", "90"),
        ]).Build());
        Assert.Equal((250, 90), (settings.ExpectedInputLatencyP95("US"), settings.ExpectedInputLatencyP95("DE")));

        var context = Hired(Endpoints(Measured(0, 182), Measured(1, 240), Measured(2, 205))) with { PostHireSettings = settings };
        Assert.Equal(CheckResult.NotFired, new InputLatencyCheck().Run(context));
    }

    [Theory]
    [InlineData("PostHire:InputLatencyP95Ms:Default", "fast")]
    [InlineData("PostHire:InputLatencyP95Ms:Default", "5")]
    [InlineData("PostHire:InputLatencyP95Ms:USA", "120")]
    public void A_wrong_baseline_stops_start_up_naming_the_key(string key, string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => PostHireSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
            [new KeyValuePair<string, string?>(key, value)]).Build()));
        Assert.Contains(key, e.Message);
    }
}
