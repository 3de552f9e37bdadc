using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

/// <summary>Uploads from identity providers, EDR/MDM and the HRIS (API keys with the integration role). Each body is
/// read as a stream, never whole (uploads of hundreds of MB): a JSON array, NDJSON (one event a line) or, for generic
/// sign-ins, CSV with a header row. Events are stored in batches, idempotent on the sender's event id; a bad event
/// gets its own errors in the answer and never stops or half-writes the others. Events for an address no worker has
/// yet are kept and counted as unmatched.</summary>
public static class IntegrationEndpoints
{
    public const string Prefix = "/api/integrations";
    /// <summary>Kestrel's limit for these endpoints; every other endpoint but the bulk import keeps 1 MiB.</summary>
    public const long MaxBody = 8L * 1024 * 1024 * 1024;
    private const int MaxLine = 1_048_576;
    /// <summary>Rejected events listed in the answer; the counts cover them all.</summary>
    public const int MaxErrorsListed = 1000;

    public sealed record Rejected(int Line, IReadOnlyDictionary<string, string[]> Errors);

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

    public static void MapIntegrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Integrations").RequireAuthorization(Policies.Integration);
        group.MapPost("/okta/system-log", (HttpContext http, CancellationToken ct) => SignInsAsync(http, "okta", OktaSystemLog.Parse, ct))
            .WithSummary("Okta System Log events (the logs API's LogEvent objects) as a JSON array or NDJSON; sign-in events are kept.");
        group.MapPost("/entra/sign-ins", (HttpContext http, CancellationToken ct) => SignInsAsync(http, "entra", EntraSignInLog.Parse, ct))
            .WithSummary("Microsoft Entra ID sign-ins (Microsoft Graph signIn objects) as a JSON array or NDJSON.");
        group.MapPost("/sign-ins", (HttpContext http, CancellationToken ct) => SignInsAsync(http, "generic", GenericSignIns.Parse, ct))
            .WithSummary("Sign-ins from any other identity provider, as NDJSON or CSV (text/csv, header row): " + string.Join(", ", GenericSignIns.Columns) + ".");
        group.MapPost("/endpoint-snapshots", (HttpContext http, CancellationToken ct) => RecordsAsync(http, RecordKinds.Endpoint, ct))
            .WithSummary("EDR/MDM endpoint inventory snapshots as NDJSON: eventId, user, deviceId, takenAt, publicIp, serialNumber, installedSoftware, usbDevices.");
        group.MapPost("/mfa-registrations", (HttpContext http, CancellationToken ct) => RecordsAsync(http, RecordKinds.Mfa, ct))
            .WithSummary("MFA authenticator registrations as NDJSON: eventId, user, deviceId, registeredAt.");
        group.MapPost("/payroll-changes", (HttpContext http, CancellationToken ct) => RecordsAsync(http, RecordKinds.Payroll, ct))
            .WithSummary("Payroll destination changes from the HRIS as NDJSON: eventId, user, effectiveDate, payrollDestination.");
        group.MapPost("/equipment", (HttpContext http, CancellationToken ct) => RecordsAsync(http, RecordKinds.Equipment, ct))
            .WithSummary("Equipment records as NDJSON: eventId, user, assetSerialShipped, serialSeenAtOnboarding, shipTo, recordedAt.");
    }

    private static Task<IResult> SignInsAsync(HttpContext http, string source, Func<JsonElement, Parsed<IncomingSignIn>> parse, CancellationToken ct) =>
        UploadAsync(http, csv: source == "generic", parse, IngestSignIns.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestSignIns.Command(source, batch), ct), ct);

    private static Task<IResult> RecordsAsync(HttpContext http, string kind, CancellationToken ct) =>
        UploadAsync(http, csv: false, element => WorkerRecordFormats.Parse(kind, element), IngestWorkerRecords.MaxBatch,
            (mediator, batch) => mediator.Send(new IngestWorkerRecords.Command(kind, batch), ct), ct);

    /// <summary>Batches stored at once, each in its own transaction on its own connection: the database does most of
    /// the work of an upload, and one writer keeps one of its cores busy.</summary>
    private static readonly int Writers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Reads the body's events and parses each while earlier batches of at most <paramref name="maxBatch"/>
    /// good ones are being stored, counting everything in the answer. Should storing fail, the upload stops with the
    /// error; the batches stored before stay (sending the body again is safe: events are idempotent).</summary>
    private static async Task<IResult> UploadAsync<T>(HttpContext http, bool csv, Func<JsonElement, Parsed<T>> parse, int maxBatch,
        Func<IMediator, IReadOnlyList<T>, Task<IngestResult>> store, CancellationToken ct) where T : class
    {
        var response = new Response();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<T[]>(Writers);
        var scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
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
            await foreach (var item in ElementsAsync(http.Request, csv, failed.Token))
            {
                response.Received++;
                var parsed = item.Element is { } element ? parse(element) : Parsed<T>.Invalid(item.Error!);
                if (Sort(response, item.Number, parsed) is { } value) batch.Add(value);
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
        foreach (var result in (await Task.WhenAll(writers)).SelectMany(r => r)) Count(response, result);
        return Results.Ok(response);
    }

    /// <summary>The event to store, or null after counting it as skipped or rejected.</summary>
    private static T? Sort<T>(Response response, int number, Parsed<T> parsed) where T : class
    {
        if (parsed.Event is { } value) return value;
        if (parsed.Skipped is not null)
        {
            response.Skipped++;
            return null;
        }
        response.Rejected++;
        if (response.Errors.Count < MaxErrorsListed) response.Errors.Add(new Rejected(number, parsed.Errors!));
        else response.ErrorsTruncated = true;
        return null;
    }

    private static void Count(Response response, IngestResult result)
    {
        response.Accepted += result.Accepted;
        response.Duplicates += result.Duplicates;
        response.Unmatched += result.Unmatched;
    }

    private sealed record Item(int Number, JsonElement? Element, IReadOnlyDictionary<string, string[]>? Error);

    /// <summary>The body's events in order with their line (NDJSON, CSV) or position (JSON array) numbers.</summary>
    private static async IAsyncEnumerable<Item> ElementsAsync(HttpRequest request, bool csv, [EnumeratorCancellation] CancellationToken ct)
    {
        var body = request.BodyReader;
        if (csv && request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            await foreach (var item in CsvAsync(body, ct)) yield return item;
            yield break;
        }
        if (await FirstByteAsync(body, ct) == (byte)'[')
        {
            await foreach (var item in ArrayAsync(body, ct)) yield return item;
            yield break;
        }
        await foreach (var (number, bytes) in NdjsonLines.ReadAsync(body, MaxLine, ct))
        {
            if (bytes is null)
            {
                yield return new Item(number, null, Errors("event", $"The line is longer than {MaxLine} bytes."));
                continue;
            }
            JsonDocument? document = null;
            string? problem = null;
            try { document = JsonDocument.Parse(bytes); }
            catch (JsonException e) { problem = $"Not valid JSON: {e.Message.Split(" Path:")[0]}"; }
            // The caller has read the event when it asks for the next one, so its document goes back to the pool then.
            using (document) yield return new Item(number, document?.RootElement, problem is null ? null : Errors("event", problem));
        }
    }

    /// <summary>A JSON array's elements one by one. Malformed JSON inside an array cannot be resynchronised: the
    /// events before it count, the rest of the body is one rejected item.</summary>
    private static async IAsyncEnumerable<Item> ArrayAsync(PipeReader body, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body.AsStream(), cancellationToken: ct).GetAsyncEnumerator(ct);
        var number = 0;
        while (true)
        {
            Item? next;
            try
            {
                if (!await elements.MoveNextAsync()) yield break;
                next = new Item(++number, elements.Current, null);
            }
            catch (JsonException e)
            {
                next = new Item(++number, null, Errors("event", $"Not valid JSON from this element on: {e.Message.Split(" Path:")[0]}"));
            }
            yield return next;
            if (next.Element is null) yield break;
        }
    }

    /// <summary>CSV with a header row naming the columns; each row becomes an object of strings. Quoted fields may
    /// hold commas and doubled quotes, not line breaks.</summary>
    private static async IAsyncEnumerable<Item> CsvAsync(PipeReader body, [EnumeratorCancellation] CancellationToken ct)
    {
        string[]? header = null;
        await foreach (var (number, bytes) in NdjsonLines.ReadAsync(body, MaxLine, ct))
        {
            if (bytes is null)
            {
                yield return new Item(number, null, Errors("row", $"The line is longer than {MaxLine} bytes."));
                continue;
            }
            var fields = Csv.Split(Encoding.UTF8.GetString(bytes));
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                continue;
            }
            if (fields.Count != header.Length)
            {
                yield return new Item(number, null, Errors("row", $"Has {fields.Count} fields; the header names {header.Length}."));
                continue;
            }
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
                if (fields[i].Length > 0) row[header[i]] = fields[i];
            yield return new Item(number, JsonSerializer.SerializeToElement(row), null);
        }
    }

    private static async Task<byte?> FirstByteAsync(PipeReader body, CancellationToken ct)
    {
        while (true)
        {
            var read = await body.ReadAsync(ct);
            foreach (var segment in read.Buffer)
                foreach (var b in segment.Span)
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                    {
                        body.AdvanceTo(read.Buffer.Start);
                        return b;
                    }
            if (read.IsCompleted)
            {
                body.AdvanceTo(read.Buffer.Start);
                return null;
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End); // all whitespace so far: wait for more
        }
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };

    /// <summary>Lifts the 1 MiB body limit for these endpoints (Kestrel enforces it while streaming).</summary>
    public static bool IsUpload(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
