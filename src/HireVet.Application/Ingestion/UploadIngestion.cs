using System.Text.Json;
using System.Threading.Channels;
using HireVet.Application.Common;
using HireVet.Application.Ingestion.Formats;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Application.Ingestion;

/// <summary>One event of an upload, numbered by its line (NDJSON, CSV) or position (JSON array), and by its position
/// inside the envelope on that line when it came in one (<see cref="Envelopes"/>): the JSON to parse, or why it could
/// not be read.</summary>
public sealed record UploadItem(int Number, JsonElement? Element, IReadOnlyDictionary<string, string[]>? Error, int? Position = null);

/// <summary>An upload from an identity provider, EDR/MDM or the HRIS: parses each event while earlier batches are being
/// stored, each batch in its own transaction on its own connection (the database does most of the work of an upload,
/// and one writer keeps one of its cores busy), and counts everything in the answer. A bad event gets its own errors
/// and never stops or half-writes the others. Should storing fail, the upload stops with the error; the batches
/// stored before stay (sending the body again is safe: events are idempotent on the sender's event id).</summary>
public sealed class UploadIngestion(IServiceScopeFactory scopes)
{
    /// <summary>Rejected events listed in the answer; the counts cover them all.</summary>
    public const int MaxErrorsListed = 1000;

    /// <summary>Batches of one upload stored at once, each on its own connection.</summary>
    public static readonly int Writers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>A rejected event by its line (or array position) and, when it came in an envelope (a Graph page, an
    /// Azure Monitor batch, an Okta Event Hook delivery), its position inside it.</summary>
    public sealed record Rejected(int Line, int? Position, IReadOnlyDictionary<string, string[]> Errors);

    public sealed record Response
    {
        public int Received { get; set; }
        public int Accepted { get; set; }
        public int Duplicates { get; set; }
        /// <summary>Events of other types (an Okta admin event in a System Log export): not sign-ins, not errors.</summary>
        public int Skipped { get; set; }
        public int Rejected { get; set; }
        public int Unmatched { get; set; }
        public bool ErrorsTruncated { get; set; }
        public List<Rejected> Errors { get; } = [];
    }

    public Task<Response> SignInsAsync(IAsyncEnumerable<UploadItem> items, string source, Func<JsonElement, Parsed<IncomingSignIn>> parse,
        CancellationToken ct)
    {
        var matched = new WorkerMatches();
        return IngestAsync(items, "sign-ins", source, parse, IngestSignIns.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestSignIns.Command(source, batch) { Matched = matched }, ct), ct);
    }

    public Task<Response> WorkerRecordsAsync(IAsyncEnumerable<UploadItem> items, string kind, CancellationToken ct) =>
        IngestAsync(items, "worker-records", kind, element => WorkerRecordFormats.Parse(kind, element), IngestWorkerRecords.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestWorkerRecords.Command(kind, batch), ct), ct);

    public Task<Response> MeetingSessionsAsync(IAsyncEnumerable<UploadItem> items, CancellationToken ct) =>
        IngestAsync(items, "meeting-sessions", "generic", MeetingSessionFormat.Parse, IngestMeetingSessions.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestMeetingSessions.Command(batch), ct), ct);

    public Task<Response> OnboardingEventsAsync(IAsyncEnumerable<UploadItem> items, CancellationToken ct) =>
        IngestAsync(items, "onboarding-events", "generic", OnboardingEventFormat.Parse, IngestOnboardingEvents.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestOnboardingEvents.Command(batch), ct), ct);

    private async Task<Response> IngestAsync<T>(IAsyncEnumerable<UploadItem> items, string source, string format,
        Func<JsonElement, Parsed<T>> parse, int maxBatch,
        Func<IMediator, IReadOnlyList<T>, Task<IngestResult>> store, CancellationToken ct) where T : class
    {
        var response = new Response();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<T[]>(Writers);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            var results = new List<IngestResult>();
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(failed.Token))
                {
                    await using var scope = scopes.CreateAsyncScope(); // a connection and an audit record of its own
                    results.Add(await store(scope.ServiceProvider.GetRequiredService<IMediator>(), batch));
                }
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested)
            {
                // The other writer failed, or the client went away: that is the answer, not this.
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
            return results;
        }, CancellationToken.None)).ToArray();

        try
        {
            var batch = new List<T>(maxBatch);
            await foreach (var item in items.WithCancellation(failed.Token))
            {
                response.Received++;
                var parsed = item.Element is { } element ? parse(element) : Parsed<T>.Invalid(item.Error!);
                if (Sort(response, item, parsed, source, format) is { } value) batch.Add(value);
                if (batch.Count < maxBatch) continue;
                await batches.Writer.WriteAsync([.. batch], failed.Token);
                batch.Clear();
            }
            if (batch.Count > 0) await batches.Writer.WriteAsync([.. batch], failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A writer failed: its exception is the answer, thrown below.
        }
        catch
        {
            // Reading the body failed (the client went away, say): the writers stop, then the error goes on.
            await failed.CancelAsync();
            batches.Writer.TryComplete();
            await Task.WhenAll(writers).ContinueWith(static _ => { }, TaskScheduler.Default);
            throw;
        }
        finally
        {
            batches.Writer.TryComplete();
        }
        foreach (var result in (await Task.WhenAll(writers)).SelectMany(r => r))
        {
            response.Accepted += result.Accepted;
            response.Duplicates += result.Duplicates;
            response.Unmatched += result.Unmatched;
        }
        HireVetTelemetry.CountIngested(source, format, "accepted", response.Accepted);
        HireVetTelemetry.CountIngested(source, format, "duplicate", response.Duplicates);
        HireVetTelemetry.CountIngested(source, format, "skipped", response.Skipped);
        HireVetTelemetry.CountIngested(source, format, "rejected", response.Rejected);
        return response;
    }

    /// <summary>The event to store, or null after counting it as skipped or rejected.</summary>
    private static T? Sort<T>(Response response, UploadItem item, Parsed<T> parsed, string source, string format) where T : class
    {
        if (parsed.Event is { } value) return value;
        if (parsed.Skipped is not null)
        {
            response.Skipped++;
            return null;
        }
        response.Rejected++;
        HireVetTelemetry.CountRejected(source, format, item.Element is null ? "malformed" : "invalid", parsed.Errors?.Keys);
        if (response.Errors.Count < MaxErrorsListed) response.Errors.Add(new Rejected(item.Number, item.Position, parsed.Errors!));
        else response.ErrorsTruncated = true;
        return null;
    }
}
