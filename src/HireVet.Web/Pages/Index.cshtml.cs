using System.Globalization;
using System.Text.Json;
using HireVet.Application.Candidates;
using HireVet.Application.Dashboard;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages;

/// <summary>The home page is the caller's dashboard (GetDashboard decides what each role sees). Charts are drawn by
/// wwwroot/js/dashboard.js from JSON blocks; every chart's figures are also in a table, which is what a browser without
/// JavaScript shows.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The signals chart stacks this many indicators and sums the rest; the table lists them all.</summary>
    public const int IndicatorsCharted = 8;

    public GetDashboard.Response Dashboard { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Dashboard = await mediator.Send(new GetDashboard.Query(), ct);

    /// <summary>The candidate list filters by the statuses it knows; another status is shown without a link.</summary>
    public static string? StatusLink(string status) =>
        ListCandidates.Statuses.Contains(status) ? $"/candidates?status={Uri.EscapeDataString(status)}" : null;

    public static string Week(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"3 days", "5 hours", "12 minutes": how long ago, in the largest whole unit.</summary>
    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var age = now - since;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        return age.TotalDays >= 1 ? Unit((int)age.TotalDays, "day") : age.TotalHours >= 1 ? Unit((int)age.TotalHours, "hour") : Unit((int)age.TotalMinutes, "minute");
    }

    /// <summary>JSON for a &lt;script type="application/json"&gt; block: System.Text.Json escapes &lt;, &gt; and &amp;, so
    /// nothing in it can close the element.</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record ChartData(string Type, string[] Labels, ChartSeries[] Datasets, string XTitle, string YTitle, bool Stacked);

    public sealed record ChartSeries(string Label, long[] Data);

    public object HistogramChart() => new ChartData("bar", [.. Dashboard.ScoreHistogram!.Select(b => b.Key)],
        [new ChartSeries("Candidates", [.. Dashboard.ScoreHistogram!.Select(b => b.Value)])], "Risk score", "Candidates", false);

    /// <summary>The most frequent indicators stacked per week; the rest as one series, "other indicators".</summary>
    public object SignalsChart()
    {
        var s = Dashboard.SignalsByIndicator!;
        var shown = s.Indicators.Take(IndicatorsCharted).Select(i => new ChartSeries(i.Key, i.Counts));
        var rest = s.Indicators.Skip(IndicatorsCharted).ToArray();
        var other = rest.Length == 0 ? [] : new[] { new ChartSeries("other indicators", [.. s.Weeks.Select((_, w) => rest.Sum(r => r.Counts[w]))]) };
        return new ChartData("bar", [.. s.Weeks.Select(Week)], [.. shown, .. other], "Week starting (UTC)", "Candidates flagged", true);
    }

    public object DecisionsChart()
    {
        var d = Dashboard.Decisions!;
        return new ChartData("bar", [.. d.Weeks.Select(Week)], [.. d.Outcomes.Where(o => o.Total > 0).Select(o => new ChartSeries(Audit.DecisionView.OutcomeLabel(o.Key), o.Counts))],
            "Week starting (UTC)", "Decisions", true);
    }

    public string HistogramSummary() =>
        $"Bar chart of risk scores of {Display.Count(Dashboard.ScoreHistogram!.Sum(b => b.Value))} vetted candidates: " +
        string.Join(", ", Dashboard.ScoreHistogram!.Select(b => $"{b.Key}: {Display.Count(b.Value)}")) + ".";

    public string SignalsSummary()
    {
        var s = Dashboard.SignalsByIndicator!;
        return s.Indicators.Count == 0
            ? $"Bar chart: no signal raised in the {s.Weeks.Length} weeks from {Week(s.Weeks[0])}."
            : $"Stacked bar chart of candidates flagged per week from {Week(s.Weeks[0])}, by indicator; totals over the {s.Weeks.Length} weeks: " +
              string.Join(", ", s.Indicators.Select(i => $"{i.Key} {Display.Count(i.Total)}")) + ". The table below has every week.";
    }

    public string DecisionsSummary()
    {
        var d = Dashboard.Decisions!;
        return d.Outcomes.All(o => o.Total == 0)
            ? $"Bar chart: no decision in the {d.Weeks.Length} weeks from {Week(d.Weeks[0])}."
            : $"Stacked bar chart of decisions per week from {Week(d.Weeks[0])}, by outcome; totals: " +
              string.Join(", ", d.Outcomes.Select(o => $"{Audit.DecisionView.OutcomeLabel(o.Key)} {Display.Count(o.Total)}")) + ". The table below has every week.";
    }
}
