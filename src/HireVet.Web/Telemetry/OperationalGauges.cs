using System.Diagnostics.Metrics;
using System.Globalization;
using Hangfire;
using HireVet.Application.Common;
using HireVet.Application.ReferenceData;
using HireVet.Infrastructure.Database;
using HireVet.Infrastructure.Jobs;

namespace HireVet.Web.Telemetry;

/// <summary>The observable gauges of the "HireVet" meter, read only when a metric reader collects (every
/// OTEL_METRIC_EXPORT_INTERVAL, 60 s by default), and only where telemetry is on: candidates pending vetting (one count
/// on the partial index of pending rows), jobs waiting per Hangfire queue, and each reference dataset's age. A meter
/// of this host's own, disposed with it.</summary>
public sealed class OperationalGauges : IDisposable
{
    private const string PendingSql = "select count(*) from candidates where vetting_status = 'pending'";

    private readonly Meter _meter = new(HireVetTelemetry.Name);
    private readonly AppDataSource _db;
    private readonly JobStorage _jobs;
    private readonly IReferenceData _reference;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationalGauges> _logger;

    public OperationalGauges(AppDataSource db, JobStorage jobs, IReferenceData reference, TimeProvider clock, ILogger<OperationalGauges> logger)
    {
        (_db, _jobs, _reference, _clock, _logger) = (db, jobs, reference, clock, logger);
        _meter.CreateObservableGauge("hirevet.vetting.pending", PendingVetting, "{candidate}", "Candidates waiting for vetting");
        _meter.CreateObservableGauge("hirevet.jobs.enqueued", Enqueued, "{job}", "Background jobs waiting in each queue");
        _meter.CreateObservableGauge("hirevet.reference_data.age", ReferenceDataAge, "s", "Seconds since each reference dataset's as-of date");
    }

    private IEnumerable<Measurement<long>> PendingVetting()
    {
        try
        {
            using var command = _db.Value.CreateCommand(PendingSql);
            return [new Measurement<long>((long)command.ExecuteScalar()!)];
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            _logger.LogWarning(e, "Counting pending vetting for the metrics failed.");
            return [];
        }
    }

    private IEnumerable<Measurement<long>> Enqueued()
    {
        try
        {
            var monitoring = _jobs.GetMonitoringApi();
            return [.. HangfireSetup.Queues.Select(q => new Measurement<long>(monitoring.EnqueuedCount(q), new KeyValuePair<string, object?>("hirevet.job.queue", q)))];
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            _logger.LogWarning(e, "Reading the job queues for the metrics failed.");
            return [];
        }
    }

    private IEnumerable<Measurement<double>> ReferenceDataAge()
    {
        var now = _clock.GetUtcNow();
        foreach (var dataset in _reference.Current.Datasets)
            if (dataset.AsOf is { } asOf && DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                yield return new Measurement<double>((now - at).TotalSeconds, new KeyValuePair<string, object?>("hirevet.dataset", dataset.Name));
    }

    public void Dispose() => _meter.Dispose();
}
