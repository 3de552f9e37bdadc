using System.Diagnostics;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using HireVet.Application.Common;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Hangfire's side of tracing (decision 0055). Enqueuing stores the current span's W3C traceparent as a job
/// parameter; performing opens a span of its own per job (a new trace: the job runs later, maybe on another node, and
/// may serve many requests), linked to the enqueuing span, and counts the job's outcome and duration.</summary>
public sealed class JobTelemetry : IClientFilter, IServerFilter
{
    public const string TraceParameter = "traceparent";

    private const string SpanItem = "hirevet.span";
    private const string StartedItem = "hirevet.started";

    private static readonly JobTelemetry Instance = new();
    private static readonly Lock Gate = new();

    /// <summary>Adds the filter to Hangfire's global filters once per process (several hosts share one in the tests).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!Hangfire.GlobalJobFilters.Filters.Contains(Instance)) Hangfire.GlobalJobFilters.Filters.Add(Instance);
        }
    }

    public void OnCreating(CreatingContext context)
    {
        if (HireVetTelemetry.CurrentTraceParent() is { } traceParent) context.SetJobParameter(TraceParameter, traceParent);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedItem] = Stopwatch.GetTimestamp();
        if (!HireVetTelemetry.Source.HasListeners()) return;
        var links = HireVetTelemetry.TryLink(context.GetJobParameter<string>(TraceParameter), out var link) ? new[] { link } : null;
        // A worker thread has no current span; a job started from inside one (a test) still begins a trace of its own.
        var span = HireVetTelemetry.Source.StartActivity(ActivityKind.Consumer, parentContext: default, links: links, name: $"job {JobName(context.BackgroundJob.Job)}");
        if (span is null) return;
        span.SetTag("hirevet.job.id", context.BackgroundJob.Id);
        span.SetTag("hirevet.job.queue", context.BackgroundJob.Job.Queue);
        context.Items[SpanItem] = span;
    }

    public void OnPerformed(PerformedContext context)
    {
        var failed = context.Exception is not null && !context.ExceptionHandled;
        var outcome = context.Canceled ? "canceled" : failed ? "failed" : "succeeded";
        var tags = new TagList { { "hirevet.job", JobName(context.BackgroundJob.Job) }, { "hirevet.job.outcome", outcome } };
        HireVetTelemetry.JobRuns.Add(1, tags);
        if (context.Items.TryGetValue(StartedItem, out var started))
            HireVetTelemetry.JobDuration.Record(Stopwatch.GetElapsedTime((long)started).TotalSeconds, tags);

        if (!context.Items.TryGetValue(SpanItem, out var item) || item is not Activity span) return;
        span.SetTag("hirevet.job.outcome", outcome);
        if (failed) span.Failed(context.Exception!.InnerException ?? context.Exception);
        span.Stop();
    }

    private static string JobName(Job? job) => job?.Type.Name ?? "unknown";
}
