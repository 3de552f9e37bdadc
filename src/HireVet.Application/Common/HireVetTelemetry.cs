using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HireVet.Application.Common;

/// <summary>HireVet's own spans and metrics, in the BCL's terms (ActivitySource, Meter): the host decides whether
/// anything listens (decision 0055). Without a listener a span is null and a measurement is dropped at once, so the
/// calls cost next to nothing when telemetry is off.</summary>
public static partial class HireVetTelemetry
{
    public const string Name = "HireVet";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Vetting's latency as a submitter sees it: from a revision's submission to its first assessment.</summary>
    public static readonly Histogram<double> SubmissionToAssessment = Meter.CreateHistogram(
        "hirevet.vetting.submission_to_assessment", "s", "From a revision's submission to its first assessment",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600] });

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "hirevet.job.runs", "{run}", "Background jobs performed, by job and outcome (succeeded, failed, canceled)");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram(
        "hirevet.job.duration", "s", "How long a background job ran, by job and outcome",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    public static readonly Counter<long> IngestedRecords = Meter.CreateCounter<long>(
        "hirevet.ingestion.records", "{record}",
        "Records received by the ingestion endpoints and the candidate bulk import, by source, format and outcome");

    public static readonly Counter<long> IngestionRejections = Meter.CreateCounter<long>(
        "hirevet.ingestion.rejections", "{record}", "Records refused, by source, format, reason (malformed, invalid) and field");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "hirevet.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by event and outcome (delivered, retrying, failed)");

    public static readonly Histogram<double> WebhookDeliveryDuration = Meter.CreateHistogram(
        "hirevet.webhook.delivery.duration", "s", "How long a subscriber took to answer a webhook delivery, by event and outcome",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Counts records of one ingestion (an upload, a bulk import) by outcome: accepted, duplicate, skipped,
    /// rejected, created, revised, unchanged.</summary>
    public static void CountIngested(string source, string format, string outcome, long count)
    {
        if (count > 0) IngestedRecords.Add(count, new TagList { { "hirevet.source", source }, { "hirevet.format", format }, { "hirevet.outcome", outcome } });
    }

    /// <summary>Counts one refused record under the first field its errors name, with list positions dropped
    /// ("references[].email") so that the field stays a small set of values.</summary>
    public static void CountRejected(string source, string format, string reason, IEnumerable<string>? fields)
    {
        if (!IngestionRejections.Enabled) return;
        var field = fields?.FirstOrDefault() is { Length: > 0 } first ? ListPositions().Replace(first, "[]") : "";
        IngestionRejections.Add(1, new TagList
        {
            { "hirevet.source", source }, { "hirevet.format", format }, { "hirevet.reason", reason }, { "hirevet.field", field },
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex ListPositions();

    /// <summary>A child span of the current one for one step of a larger piece of work: <c>using var _ =
    /// HireVetTelemetry.Step("vetting.rings", ids.Length);</c>. Null (and free) when nothing listens.</summary>
    public static Activity? Step(string name, int? batchSize = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is not null && batchSize is { } size) activity.SetTag("hirevet.batch.size", size);
        return activity;
    }

    /// <summary>The W3C traceparent of the current span, to be stored with work another process picks up later, or
    /// null when the span is not recorded (telemetry off): nothing could be linked to it.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { Recorded: true } current ? current.Id : null;

    /// <summary>A link to the span a stored traceparent names; false for a missing or malformed one.</summary>
    public static bool TryLink(string? traceParent, out ActivityLink link)
    {
        link = default;
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var context)) return false;
        link = new ActivityLink(context);
        return true;
    }

    /// <summary>A span as a request failed: error status and the exception's type, not its message (it may hold
    /// personal data; the log has it).</summary>
    public static void Failed(this Activity activity, Exception e)
    {
        activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        activity.SetTag("error.type", e.GetType().FullName);
    }
}
