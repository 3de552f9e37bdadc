using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Jobs;
using HireVet.Application.Rescreening;
using MediatR;

namespace HireVet.Application.Dashboard;

/// <summary>The caller's dashboard: what each role works on, never more than its API rights show it.
/// <list type="bullet">
/// <item>HR (reads candidates and workers with status and band, no scores or evidence): candidates and workers by status and band.</item>
/// <item>Security: the same, the review backlog with its age, the four-eyes inbox, the risk-score histogram and signals by indicator per week.</item>
/// <item>Auditors: candidates by status and band, decisions and second-reviewer verdicts per week, the audit chain's length (not a verification).</item>
/// <item>Admins (no candidate rights): reference-data freshness and the scheduler's health.</item>
/// <item>Admins and auditors (who read connectors): each connector's health.</item>
/// </list>
/// A section a role does not get is null.</summary>
public static class GetDashboard
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        public string Role { get; init; } = "";
        public CandidateFigures? Candidates { get; init; }
        public IReadOnlyList<Count>? Workers { get; init; }
        public IReadOnlyList<Count>? WorkersByBand { get; init; }
        /// <summary>Candidates per score bucket of ten (0–9 … 90–100), every bucket present; vetted candidates only.</summary>
        public IReadOnlyList<Count>? ScoreHistogram { get; init; }
        public GetReviewBacklog.Response? Backlog { get; init; }
        public CountSignalsByIndicator.Response? SignalsByIndicator { get; init; }
        public CountDecisionsByWeek.Response? Decisions { get; init; }
        public GetAuditChainSummary.Response? AuditChain { get; init; }
        public IReadOnlyList<DataFreshness.Dataset>? ReferenceData { get; init; }
        public IReadOnlyList<ConnectorHealth>? Connectors { get; init; }
        public SchedulerHealth? Scheduler { get; init; }
    }

    /// <summary>A connector that is not removed, as <see cref="ListConnectors.Summary.Health"/> judges it: ok, failing,
    /// idle (never synced) or paused. Its settings stay on the connectors page; its secrets are never read.</summary>
    public sealed record ConnectorHealth(long Id, string Name, string Kind, string Health, DateTimeOffset? LastSyncAt, string? LastError,
        DateTimeOffset? LastErrorAt);

    public sealed record Count(string Key, long Value);

    public sealed record CandidateFigures
    {
        public long Total { get; init; }
        /// <summary>Known statuses in their workflow order (zeros included), then any other status found, by name.</summary>
        public IReadOnlyList<Count> ByStatus { get; init; } = [];
        /// <summary>clear, review, high and "none" (not vetted yet).</summary>
        public IReadOnlyList<Count> ByBand { get; init; } = [];
    }

    public sealed record SchedulerHealth
    {
        public string Status { get; init; } = "";
        public string? ThisNode { get; init; }
        public int NodesAlive { get; init; }
        public IReadOnlyList<ListSchedules.Node> Nodes { get; init; } = [];
        public IReadOnlyList<ListSchedules.Schedule> Schedules { get; init; } = [];
        /// <summary>The latest runs (up to <see cref="RunsShown"/>) with their failed batches counted.</summary>
        public IReadOnlyList<ListRescreenRuns.Run> Runs { get; init; } = [];
        public int FailedBatches => Runs.Sum(r => r.Failures);
    }

    public const int RunsShown = 5;
    public const string NoBand = "none";
    public static readonly string[] Bands = ["clear", "review", "high"];

    public sealed class Handler(IMediator mediator, ICurrentActor actor) : IRequestHandler<Query, Response>
    {
        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var role = actor.Role;
            var response = new Response { Role = role };
            if (role is Roles.Hr or Roles.Security or Roles.Auditor)
            {
                var counts = await mediator.Send(new CountCandidates.Query(), ct);
                response = response with { Candidates = Figures(counts) };
                if (role is Roles.Hr or Roles.Security)
                    response = response with
                    {
                        Workers = [.. counts.Workers.GroupBy(w => w.Status).OrderBy(g => g.Key == "active" ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
                            .Select(g => new Count(g.Key, g.Sum(w => w.Count)))],
                        WorkersByBand = ByBand(counts.Workers.Where(w => w.Status == "active").Select(w => (w.Band, w.Count))),
                    };
                if (role is Roles.Security)
                    response = response with
                    {
                        ScoreHistogram = Histogram(counts.Groups),
                        Backlog = await mediator.Send(new GetReviewBacklog.Query(), ct),
                        SignalsByIndicator = await mediator.Send(new CountSignalsByIndicator.Query(), ct),
                    };
            }
            if (role is Roles.Auditor)
                response = response with
                {
                    Decisions = await mediator.Send(new CountDecisionsByWeek.Query(), ct),
                    AuditChain = await mediator.Send(new GetAuditChainSummary.Query(), ct),
                };
            if (role is Roles.Admin or Roles.Auditor)
                response = response with
                {
                    Connectors = [.. (await mediator.Send(new ListConnectors.Query(), ct))
                        .Select(c => new ConnectorHealth(c.Id, c.Name, c.Kind, c.Health, c.LastSyncAt, c.LastError, c.LastErrorAt))],
                };
            if (role is Roles.Admin)
            {
                var scheduler = await mediator.Send(new ListSchedules.Query(), ct);
                var runs = await mediator.Send(new ListRescreenRuns.Query(RunsShown), ct);
                response = response with
                {
                    ReferenceData = await mediator.Send(new GetDataFreshness.Query(), ct),
                    Scheduler = new SchedulerHealth
                    {
                        Status = scheduler.Status, ThisNode = scheduler.ThisNode, NodesAlive = scheduler.Nodes.Count(n => n.State == "alive"),
                        Nodes = scheduler.Nodes, Schedules = scheduler.Schedules, Runs = runs,
                    },
                };
            }
            return response;
        }
    }

    /// <summary>Statuses the candidate list knows come first in its order; a status added later is shown too, after them.</summary>
    public static CandidateFigures Figures(CountCandidates.Response counts)
    {
        var byStatus = counts.Groups.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var known = Candidates.ListCandidates.Statuses;
        return new CandidateFigures
        {
            Total = counts.Total,
            ByStatus = [.. known.Select(s => new Count(s, byStatus.GetValueOrDefault(s))),
                        .. byStatus.Keys.Except(known).Order(StringComparer.Ordinal).Select(s => new Count(s, byStatus[s]))],
            ByBand = ByBand(counts.Groups.Select(g => (g.Band, g.Count))),
        };
    }

    public static IReadOnlyList<Count> ByBand(IEnumerable<(string? Band, long Count)> rows)
    {
        var byBand = rows.GroupBy(r => r.Band ?? NoBand).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return [.. Bands.Append(NoBand).Select(b => new Count(b, byBand.GetValueOrDefault(b))),
                .. byBand.Keys.Except(Bands.Append(NoBand)).Order(StringComparer.Ordinal).Select(b => new Count(b, byBand[b]))];
    }

    /// <summary>"0–9", "10–19" … "90–100": the last bucket holds 100, the highest score.</summary>
    public static IReadOnlyList<Count> Histogram(IEnumerable<CountCandidates.Group> groups)
    {
        var byBucket = groups.Where(g => g.Bucket is not null).GroupBy(g => g.Bucket!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return [.. Enumerable.Range(0, 10).Select(b => new Count(b == 9 ? "90–100" : $"{b * 10}–{b * 10 + 9}", byBucket.GetValueOrDefault(b)))];
    }
}
