using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using FluentValidation;
using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Web.Errors;
using HireVet.Web.Security;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace HireVet.Web.Endpoints;

/// <summary>POST /api/candidates/bulk: an applicant-tracking system's export as NDJSON, one dossier per line, read as a
/// stream (never whole), stored and vetted in batches. A bad line gets its own errors in the response and never stops
/// or half-writes the others; the same externalId again becomes a revision (or "unchanged"), so a failed upload can
/// simply be sent again.</summary>
public static class BulkImportEndpoint
{
    public const string Path = "/api/candidates/bulk";
    /// <summary>Kestrel's limit for this endpoint only; every other endpoint keeps 1 MiB.</summary>
    public const long MaxBody = 8L * 1024 * 1024 * 1024;
    public const int MaxLine = 1_048_576;
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];

    public sealed record LineResult
    {
        public int Line { get; init; }
        public string? ExternalId { get; init; }
        public long? Id { get; init; }
        /// <summary>created, revised, unchanged or rejected.</summary>
        public string Outcome { get; init; } = "";
        public string? Status { get; init; }
        public IDictionary<string, string[]>? Errors { get; init; }
    }

    public sealed record Response
    {
        public int Received { get; set; }
        public int Created { get; set; }
        public int Revised { get; set; }
        public int Unchanged { get; set; }
        public int Rejected { get; set; }
        public int Vetted { get; set; }
        public List<LineResult> Lines { get; } = [];
    }

    public static void MapBulkImport(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ImportAsync)
            .RequireAuthorization(Policies.Hr)
            .WithTags("Candidates")
            .WithSummary("Submit many dossiers as NDJSON (one JSON dossier per line); each line is stored and vetted, or rejected with its errors.")
            // Not .Accepts(): routing would then answer a wrong Content-Type with 415 before authorisation.
            .WithDescription("Content-Type application/x-ndjson, each line a dossier as POST /api/candidates takes it. " +
                             "`?lines=errors` returns only the rejected lines' results.")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, IMediator mediator, IValidator<SubmitCandidate.Command> validator,
        IOptions<HttpJsonOptions> json, string? lines, CancellationToken ct)
    {
        if (!MediaTypes.Any(t => context.Request.ContentType?.StartsWith(t, StringComparison.OrdinalIgnoreCase) == true))
            throw new BadHttpRequestException($"Send NDJSON: Content-Type {MediaTypes[0]}, one dossier per line.", StatusCodes.Status415UnsupportedMediaType);

        // Reading and validating the next batch overlaps storing and vetting the last one (one batch in between).
        var batches = Channel.CreateBounded<List<(int Line, SubmitCandidate.Command Dossier)>>(1);
        var read = new Response();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct); // a failed batch stops the reader too
        var reading = Task.Run(async () =>
        {
            try { await ReadBatchesAsync(context.Request.BodyReader, validator, json.Value.SerializerOptions, read, batches.Writer, stop.Token); }
            finally { batches.Writer.TryComplete(); }
        }, stop.Token);

        var written = new Response();
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                await StoreAndVetAsync(mediator, batch, written, includeAccepted: lines != "errors", ct);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        await reading;

        var response = new Response
        {
            Received = read.Received,
            Rejected = read.Rejected,
            Created = written.Created,
            Revised = written.Revised,
            Unchanged = written.Unchanged,
            Vetted = written.Vetted,
        };
        response.Lines.AddRange(read.Lines.Concat(written.Lines).OrderBy(l => l.Line));
        return Results.Ok(response);
    }

    /// <summary>Parses and validates line after line, rejecting bad ones, and hands on batches of good ones.</summary>
    private static async Task ReadBatchesAsync(PipeReader body, IValidator<SubmitCandidate.Command> validator, JsonSerializerOptions json,
        Response read, ChannelWriter<List<(int Line, SubmitCandidate.Command Dossier)>> batches, CancellationToken ct)
    {
        var batch = new List<(int Line, SubmitCandidate.Command Dossier)>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);

        void Reject(int line, string? externalId, IDictionary<string, string[]> errors)
        {
            read.Rejected++;
            read.Lines.Add(new LineResult { Line = line, ExternalId = externalId, Outcome = "rejected", Errors = errors });
        }

        async Task HandOnAsync()
        {
            if (batch.Count == 0) return;
            await batches.WriteAsync(batch, ct);
            batch = [];
            inBatch.Clear();
        }

        await foreach (var (number, bytes) in NdjsonLines.ReadAsync(body, MaxLine, ct))
        {
            read.Received++;
            if (bytes is null)
            {
                Reject(number, null, new Dictionary<string, string[]> { ["body"] = [$"The line is longer than {MaxLine} bytes."] });
                continue;
            }

            SubmitCandidate.Command? dossier;
            try
            {
                dossier = JsonSerializer.Deserialize<SubmitCandidate.Command>(bytes, json);
            }
            catch (JsonException e)
            {
                Reject(number, null, ProblemDetailsMapper.JsonErrors(e));
                continue;
            }
            if (dossier is null)
            {
                Reject(number, null, new Dictionary<string, string[]> { ["body"] = ["The line is not a JSON object."] });
                continue;
            }

            var validation = await validator.ValidateAsync(dossier, ct);
            if (!validation.IsValid)
            {
                Reject(number, dossier.ExternalId, ProblemDetailsMapper.ValidationErrors(new ValidationException(validation.Errors)));
                continue;
            }

            // The same candidate twice in one upload: the earlier line is stored first, the later one revises it.
            if (inBatch.Contains(dossier.ExternalId!.Trim())) await HandOnAsync();
            inBatch.Add(dossier.ExternalId!.Trim());
            batch.Add((number, dossier));
            if (batch.Count >= ImportCandidates.MaxBatch) await HandOnAsync();
        }
        await HandOnAsync();
    }

    /// <summary>Stores a batch and vets it, then vets again the stored candidates it linked to (their rings changed), so
    /// that they see the batch when the answer goes out.</summary>
    private static async Task StoreAndVetAsync(IMediator mediator, List<(int Line, SubmitCandidate.Command Dossier)> batch, Response written,
        bool includeAccepted, CancellationToken ct)
    {
        var stored = (await mediator.Send(new ImportCandidates.Command([.. batch.Select(b => b.Dossier)]), ct)).Stored;
        var changed = stored.Where(s => s.Outcome != "unchanged").Select(s => s.Id).ToHashSet();
        var vetted = (await mediator.Send(new VetCandidates.Command([.. changed]), ct)).ToDictionary(v => v.CandidateId);
        var linked = vetted.Values.SelectMany(v => v.LinkedRevetted).Distinct().ToArray();
        if (linked.Length > 0) await mediator.Send(new VetCandidates.Command(linked), ct);
        written.Vetted += vetted.Keys.Count(changed.Contains);
        for (var i = 0; i < stored.Count; i++)
        {
            var s = stored[i];
            if (s.Outcome == "created") written.Created++;
            else if (s.Outcome == "revised") written.Revised++;
            else written.Unchanged++;
            if (includeAccepted)
                written.Lines.Add(new LineResult
                {
                    Line = batch[i].Line,
                    ExternalId = s.ExternalId,
                    Id = s.Id,
                    Outcome = s.Outcome,
                    Status = vetted.TryGetValue(s.Id, out var v) ? v.Status : s.Status,
                });
        }
    }

    /// <summary>Lifts the 1 MiB body limit for the bulk endpoint alone (Kestrel enforces it while streaming).</summary>
    public static void AllowLargeBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBody;
    }
}
