using MediatR;

namespace HireVet.Application.Monitoring;

/// <summary>The scheduler's view for the jobs page: every recurring trigger (cron or interval, last and next fire, state),
/// how many one-off triggers wait (re-screening batches, vetting requests), and which cluster nodes are checked in.</summary>
public static class ListSchedules
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        /// <summary>This node's scheduler: disabled (Jobs:Enabled=false), created (not started yet), running, standby,
        /// shutting_down or shutdown. Only a running one fires triggers, and only with one are runs started here scheduled.</summary>
        public string Status { get; init; } = "";
        public bool RunningOnThisNode => Status == "running";
        public string? ThisNode { get; init; }
        /// <summary>Ordered by group, then name.</summary>
        public IReadOnlyList<Schedule> Schedules { get; init; } = [];
        /// <summary>One-off triggers in the store, waiting or running.</summary>
        public int QueuedBatches { get; init; }
        public int QueuedVettingRequests { get; init; }
        public IReadOnlyList<Node> Nodes { get; init; } = [];
    }

    public sealed record Schedule
    {
        public string Name { get; init; } = "";
        public string Group { get; init; } = "";
        public string? Description { get; init; }
        public string Job { get; init; } = "";
        /// <summary>Quartz cron syntax (seconds first); null for an interval trigger.</summary>
        public string? Cron { get; init; }
        public TimeSpan? Interval { get; init; }
        /// <summary>The time zone a cron expression is read in; null for an interval trigger.</summary>
        public string? TimeZone { get; init; }
        public DateTimeOffset? PreviousFireAt { get; init; }
        public DateTimeOffset? NextFireAt { get; init; }
        /// <summary>normal, executing, blocked (another trigger of its job is running, and the job allows one run at a
        /// time), paused, error, complete or none.</summary>
        public string State { get; init; } = "";
    }

    public sealed record Node
    {
        public string Name { get; init; } = "";
        public bool IsThisNode { get; init; }
        /// <summary>Null before the node's first check-in.</summary>
        public DateTimeOffset? LastCheckIn { get; init; }
        public TimeSpan? CheckInInterval { get; init; }
        /// <summary>alive, overdue (missed a check-in) or failed (the cluster is taking its work over).</summary>
        public string State { get; init; } = "";
    }

    public sealed class Handler(ISchedulerInfo scheduler) : IRequestHandler<Query, Response>
    {
        public Task<Response> Handle(Query query, CancellationToken ct) => scheduler.ReadAsync(ct);
    }
}
