using System.Text.Json;
using System.Threading.Channels;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Errors;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>A bulk import: an applicant-tracking system's export, one dossier per line, stored and vetted in batches. A
/// bad line gets its own errors and never stops or half-writes the others; the same externalId again becomes a revision
/// (or "unchanged"), so a failed upload can simply be sent again. Reading and validating the next batch overlaps
/// storing and vetting the last one.</summary>
public sealed class BulkImport(IMediator mediator, IValidator<SubmitCandidate.Command> validator)
{
    public const int MaxLine = 1_048_576;

    // The ingestion metrics' names for this stream.
    private const string Source = "candidates";
    private const string Format = "ndjson";

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

    /// <summary>Imports the lines (numbered, each null when longer than <see cref="MaxLine"/>); the answer lists the
    /// rejected lines, and the accepted ones too when <paramref name="includeAccepted"/>.</summary>
    public async Task<Response> ImportAsync(IAsyncEnumerable<(int Number, byte[]? Bytes)> lines, JsonSerializerOptions json,
        bool includeAccepted, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<List<(int Line, SubmitCandidate.Command Dossier)>>(1); // one batch in between
        var read = new Response();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct); // a failed batch stops the reader too
        var reading = Task.Run(async () =>
        {
            try { await ReadBatchesAsync(lines, json, read, batches.Writer, stop.Token); }
            finally { batches.Writer.TryComplete(); }
        }, stop.Token);

        var written = new Response();
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                await StoreAndVetAsync(batch, written, includeAccepted, ct);
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
        HireVetTelemetry.CountIngested(Source, Format, "created", response.Created);
        HireVetTelemetry.CountIngested(Source, Format, "revised", response.Revised);
        HireVetTelemetry.CountIngested(Source, Format, "unchanged", response.Unchanged);
        HireVetTelemetry.CountIngested(Source, Format, "rejected", response.Rejected);
        return response;
    }

    /// <summary>Parses and validates line after line, rejecting bad ones, and hands on batches of good ones.</summary>
    private async Task ReadBatchesAsync(IAsyncEnumerable<(int Number, byte[]? Bytes)> lines, JsonSerializerOptions json,
        Response read, ChannelWriter<List<(int Line, SubmitCandidate.Command Dossier)>> batches, CancellationToken ct)
    {
        var batch = new List<(int Line, SubmitCandidate.Command Dossier)>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);

        void Reject(int line, string? externalId, IDictionary<string, string[]> errors, string reason = "malformed")
        {
            read.Rejected++;
            HireVetTelemetry.CountRejected(Source, Format, reason, errors.Keys);
            read.Lines.Add(new LineResult { Line = line, ExternalId = externalId, Outcome = "rejected", Errors = errors });
        }

        async Task HandOnAsync()
        {
            if (batch.Count == 0) return;
            await batches.WriteAsync(batch, ct);
            batch = [];
            inBatch.Clear();
        }

        await foreach (var (number, bytes) in lines.WithCancellation(ct))
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
                Reject(number, null, FieldErrors.Of(e));
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
                Reject(number, dossier.ExternalId, FieldErrors.Of(new ValidationException(validation.Errors)), "invalid");
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
    private async Task StoreAndVetAsync(List<(int Line, SubmitCandidate.Command Dossier)> batch, Response written,
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
}
