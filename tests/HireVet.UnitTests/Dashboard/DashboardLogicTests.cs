using HireVet.Application.Dashboard;
using HireVet.Application.ReferenceData;

namespace HireVet.UnitTests.Dashboard;

public sealed class DashboardLogicTests
{
    private static DatasetInfo Loaded(string name, string? asOf) => new() { Name = name, AsOf = asOf, Status = "loaded" };

    [Theory]
    [InlineData("2026-12-02T10:00:00Z", "2026-09-14", "2026-11-30")] // a Wednesday: its week began on Monday 30 November
    [InlineData("2026-11-30T00:00:00Z", "2026-09-14", "2026-11-30")] // Monday midnight starts the new week
    [InlineData("2026-11-29T23:59:59Z", "2026-09-07", "2026-11-23")] // Sunday night is still the week before
    public void The_twelve_weeks_end_with_the_current_ISO_week(string now, string first, string last)
    {
        var weeks = Weeks.Ending(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12, weeks.Length);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), weeks[0]);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), weeks[^1]);
        Assert.All(weeks.Zip(weeks.Skip(1)), p => Assert.Equal(7, p.Second.DayNumber - p.First.DayNumber));
        Assert.Equal(new DateTimeOffset(weeks[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Weeks.Start(weeks));
    }

    [Fact]
    public void Pivot_fills_missing_weeks_with_zero_sums_duplicates_drops_weeks_outside_and_orders_by_total()
    {
        var weeks = Weeks.Ending(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), 3); // 16, 23, 30 November
        var series = Weeks.Pivot(weeks,
        [
            (new DateOnly(2026, 11, 16), "B", 1), (new DateOnly(2026, 11, 30), "A", 2), (new DateOnly(2026, 11, 30), "A", 1),
            (new DateOnly(2026, 11, 23), "C", 1), (new DateOnly(2026, 11, 9), "D", 9),
        ]);
        Assert.Equal(["A", "B", "C"], series.Select(s => s.Key));
        Assert.Equal([0L, 0, 3], series[0].Counts);
        Assert.Equal([1L, 0, 0], series[1].Counts);
        Assert.Equal(3, series[0].Total);
    }

    [Fact]
    public void A_status_the_dashboard_does_not_know_is_counted_after_the_known_ones_and_unvetted_candidates_have_band_none()
    {
        var figures = GetDashboard.Figures(new CountCandidates.Response
        {
            Groups =
            [
                new() { Status = "review", Band = "high", Bucket = 8, Count = 2 },
                new() { Status = "on_hold", Band = "high", Bucket = 9, Count = 1 },
                new() { Status = "pending_vetting", Band = null, Bucket = null, Count = 4 },
            ],
        });
        Assert.Equal(7, figures.Total);
        Assert.Equal("on_hold", figures.ByStatus[^1].Key);
        Assert.Equal(1, figures.ByStatus[^1].Value);
        Assert.Equal(2, figures.ByStatus.Single(s => s.Key == "review").Value);
        Assert.Equal(0, figures.ByStatus.Single(s => s.Key == "cleared").Value);
        Assert.Equal([("clear", 0L), ("review", 0L), ("high", 3L), ("none", 4L)], figures.ByBand.Select(b => (b.Key, b.Value)));
    }

    [Theory]
    [InlineData("ofac-sdn", "2026-11-25", 7, "fresh", 7)]       // exactly the allowed age
    [InlineData("ofac-sdn", "2026-11-24", 7, "stale", 8)]
    [InlineData("ip-asn", "2026-06-17", 35, "stale", 168)]
    [InlineData("dprk-network", "2026-11", 35, "fresh", 2)]      // a month counts from its last day
    [InlineData("phone-metadata", "version 1.13.16", 180, "undated", null)]
    [InlineData("time-zones", "tzdata 2025b", 180, "undated", null)]
    public void Freshness_compares_the_as_of_date_with_the_age_allowed(string name, string asOf, int maxAge, string expected, int? age)
    {
        var result = DataFreshness.Evaluate(Loaded(name, asOf), maxAge, new DateOnly(2026, 12, 2));
        Assert.Equal(expected, result.Freshness);
        Assert.Equal(age, result.AgeDays);
        Assert.Equal(expected == "stale", result.NeedsAttention);
    }

    [Fact]
    public void A_dataset_that_did_not_load_needs_attention_and_kinds_have_their_defaults()
    {
        var missing = DataFreshness.Evaluate(new DatasetInfo { Name = "ofac-sdn", Status = "missing" }, 7, new DateOnly(2026, 12, 2));
        Assert.Equal("not_loaded", missing.Freshness);
        Assert.True(missing.NeedsAttention);
        Assert.Equal(DataFreshness.Sanctions, DataFreshness.KindOf(Datasets.OfacCryptoAddresses));
        Assert.Equal(DataFreshness.Network, DataFreshness.KindOf(Datasets.VpnNetworks));
        Assert.Equal(DataFreshness.Other, DataFreshness.KindOf(Datasets.IbanSpecs));
        Assert.Equal(7, DataFreshness.DefaultMaxAgeDays[DataFreshness.Sanctions]);
        Assert.Equal(35, DataFreshness.DefaultMaxAgeDays[DataFreshness.Network]);
    }

    [Fact]
    public void The_histogram_has_ten_buckets_and_the_last_holds_one_hundred()
    {
        var histogram = GetDashboard.Histogram([new() { Status = "review", Band = "high", Bucket = 9, Count = 3 }, new() { Status = "clear", Band = "clear", Bucket = 0, Count = 5 }]);
        Assert.Equal(["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100"], histogram.Select(b => b.Key));
        Assert.Equal([5L, 0, 0, 0, 0, 0, 0, 0, 0, 3], histogram.Select(b => b.Value));
    }
}
