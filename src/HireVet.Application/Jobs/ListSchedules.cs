using MediatR;

namespace HireVet.Application.Jobs;

/// <summary>The job engine's view for the jobs page: every recurring job (cron, last run and its outcome, next run), the
/// queues' depths, and the job servers of every node with their heartbeats.</summary>
public static class ListSchedules
{
    public sealed record Query : IRequest<Response>;

    public sealed record Response
    {
        /// <summary>This node's job servers: running, or disabled (Jobs:Enabled=false: this node neither runs nor
        /// enqueues jobs), or unreachable (the job storage could not be read).</summary>
        public string Status { get; init; } = "";
        public bool RunningOnThisNode => Status == "running";
        /// <summary>Jobs:NodeName, or the host name.</summary>
        public string? ThisNode { get; init; }
        /// <summary>Ordered by id.</summary>
        public IReadOnlyList<Schedule> Schedules { get; init; } = [];
        /// <summary>The queues HireVet uses, in the order of <see cref="QueueNames"/>.</summary>
        public IReadOnlyList<Queue> Queues { get; init; } = [];
        /// <summary>Jobs waiting for a time: retries of failed re-screening batches.</summary>
        public long Scheduled { get; init; }
        /// <summary>Jobs that failed and will not be retried by the engine.</summary>
        public long Failed { get; init; }
        /// <summary>One row per node, its servers folded in; ordered by name.</summary>
        public IReadOnlyList<Node> Nodes { get; init; } = [];
        /// <summary>Whether any node's servers sent a heartbeat recently: without one, enqueued jobs wait.</summary>
        public bool AnyNodeAlive => Nodes.Any(n => n.State == "alive");
    }

    public static readonly string[] QueueNames = ["vetting", "rescreen", "maintenance", "connectors"];

    public sealed record Schedule
    {
        /// <summary>The recurring job's id, e.g. rescreen-nightly.</summary>
        public string Name { get; init; } = "";
        public string Queue { get; init; } = "";
        public string? Description { get; init; }
        /// <summary>Type and method the job calls.</summary>
        public string Job { get; init; } = "";
        /// <summary>Cron syntax with seconds first ('?' accepted for day of month or week).</summary>
        public string? Cron { get; init; }
        public string? TimeZone { get; init; }
        public DateTimeOffset? PreviousFireAt { get; init; }
        public DateTimeOffset? NextFireAt { get; init; }
        /// <summary>The outcome of the latest run (succeeded, failed, processing, enqueued, ...), "never run", or
        /// "error" when the schedule itself is broken (<see cref="Error"/>).</summary>
        public string State { get; init; } = "";
        public string? Error { get; init; }
    }

    public sealed record Queue(string Name, long Waiting, long Running);

    public sealed record Node
    {
        public string Name { get; init; } = "";
        public bool IsThisNode { get; init; }
        /// <summary>The servers' names with their queues and worker counts: "vetting (2 workers)".</summary>
        public IReadOnlyList<string> Servers { get; init; } = [];
        /// <summary>The oldest heartbeat of the node's servers.</summary>
        public DateTimeOffset? LastCheckIn { get; init; }
        public TimeSpan? CheckInInterval { get; init; }
        /// <summary>alive, or overdue (missed heartbeats: its running jobs return to the queue once their invisibility
        /// timeout passes).</summary>
        public string State { get; init; } = "";
    }

    public sealed class Handler(ISchedulerInfo scheduler) : IRequestHandler<Query, Response>
    {
        public Task<Response> Handle(Query query, CancellationToken ct) => scheduler.ReadAsync(ct);
    }
}
