using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.History;

/// <summary>ID-06: a work history that cannot be true as written: a job begun before the candidate was 14, or two jobs
/// held side by side for over a year (people do moonlight, so that alone is low context for a reviewer). Dates given
/// to the month or year are compared at that precision: only what is certain whichever day they mean counts.</summary>
public sealed class EmploymentTimelineCheck : ICheck
{
    public static readonly TimeSpan LongOverlap = TimeSpan.FromDays(365);

    public string Name => "employment-timeline";
    public string[] Indicators => ["ID-06"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        var jobs = (d.EmploymentHistory ?? []).Where(j => j.StartedOn is not null).ToArray();
        if (jobs.Length == 0) return CheckResult.NotEvaluated("The dossier has no dated employment history.");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var signals = new List<RawSignal>();

        if (d.DateOfBirth is { } dob && jobs.Where(j => j.StartedOn!.Value.Last < dob.AddYears(14)).ToArray() is { Length: > 0 } tooYoung)
            signals.Add(new RawSignal("ID-06", Severity.Medium,
                $"The work history starts before the candidate was 14 ({string.Join(", ", tooYoung.Select(j => $"{j.Employer} from {j.StartedOn!.Value.ToMonthString()}"))}).",
                new JsonObject { ["jobs"] = Jobs(tooYoung) }));

        var overlaps = jobs.SelectMany((a, i) => jobs.Skip(i + 1).Select(b => (A: a, B: b, Days: OverlapDays(a, b, today))))
            .Where(p => p.Days > LongOverlap.TotalDays)
            .ToArray();
        if (overlaps.Length > 0)
            signals.Add(new RawSignal("ID-06", Severity.Low,
                $"Jobs overlap for more than a year: {string.Join("; ", overlaps.Select(o => $"{o.A.Employer} and {o.B.Employer} ({o.Days / 30} months)"))}.",
                new JsonObject { ["overlaps"] = new JsonArray([.. overlaps.Select(o => (JsonNode)new JsonObject
                {
                    ["first"] = o.A.Employer, ["second"] = o.B.Employer, ["months"] = o.Days / 30,
                })]) }));
        return signals.Count == 0 ? CheckResult.NotFired : CheckResult.Fired([.. signals]);
    }

    private static int OverlapDays(Employment a, Employment b, DateOnly today)
    {
        // The overlap both jobs certainly share: from the later of the latest possible starts to the earlier of the
        // earliest possible ends.
        var start = Max(a.StartedOn!.Value.Last, b.StartedOn!.Value.Last);
        var end = Min(a.EndedOn?.First ?? today, b.EndedOn?.First ?? today);
        return Math.Max(0, end.DayNumber - start.DayNumber);
    }

    private static DateOnly Min(DateOnly x, DateOnly y) => x < y ? x : y;

    private static DateOnly Max(DateOnly x, DateOnly y) => x > y ? x : y;

    private static JsonArray Jobs(IEnumerable<Employment> jobs) => [.. jobs.Select(j => (JsonNode)new JsonObject
    {
        ["employer"] = j.Employer, ["title"] = j.Title, ["startedOn"] = j.StartedOn?.ToString(), ["endedOn"] = j.EndedOn?.ToString(),
    })];
}
