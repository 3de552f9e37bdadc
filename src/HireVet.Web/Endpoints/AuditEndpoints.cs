using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Audit;
using HireVet.Application.Common.Auditing;
using HireVet.Web.Pages.Audit;
using HireVet.Web.Reports;
using HireVet.Web.Security;
using MediatR;

namespace HireVet.Web.Endpoints;

public static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Auditor);

        group.MapGet("/verify", (IMediator mediator, CancellationToken ct) => mediator.Send(new VerifyAuditChain.Query(), ct))
            .WithSummary("Walk the audit hash chain and report the first broken record; check the trail against the signed " +
                         "checkpoints in the checkpoint file (the checkpoints section), which catches a rewrite that recomputed every hash.");

        group.MapGet("/checkpoints", (AuditSigning signing) => signing.CheckpointFile is { } file && File.Exists(file)
                ? Results.Stream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), "application/x-ndjson",
                    "hirevet-audit-checkpoints.jsonl")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No checkpoint file.",
                    detail: signing.CheckpointFile is null ? AuditSigning.NotSignedMessage : "No checkpoint has been signed yet."))
            .WithSummary("The checkpoint file as it is on disk (JSON Lines, one signed checkpoint a line), for offline verification.");

        group.MapGet("/public-key", (AuditSigning signing, string? keyId) =>
                (keyId ?? signing.KeyId) is { } id && signing.TrustedKeyPems.TryGetValue(id, out var pem)
                    ? Results.Text(pem, "application/x-pem-file")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such public key.",
                        detail: keyId is null ? AuditSigning.NotSignedMessage : $"No trusted public key has the id {keyId}."))
            .WithSummary("The public key (PEM) checkpoints are signed with, or the trusted key with the given keyId (after a rotation).");

        group.MapGet("/records/{id:long}/proof", (long id, long? size, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetAuditRecordProof.Query(id, size), ct))
            .WithSummary("Inclusion proof (RFC 9162) of the audit record at chain position id (its seq) in the latest signed checkpoint " +
                         "(or the one of size records), with the record's chain fields and the checkpoint's signed body and signature.");

        group.MapGet("/consistency", (long from, long? to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetAuditConsistency.Query(from, to), ct))
            .WithSummary("Consistency proof (RFC 9162) that the signed checkpoint of 'to' records (default: the latest) extends the one of 'from' records.");

        app.MapPost("/api/audit/checkpoints", (IMediator mediator, CancellationToken ct) => mediator.Send(new SignAuditCheckpoint.Command(), ct))
            .RequireAuthorization(Policies.AdminsAndAuditors).WithTags("Audit")
            .WithSummary("Sign a checkpoint of the audit trail now (when it grew since the last one); 409 when no signing key is configured.");

        group.MapGet("/decisions", async (IMediator mediator, HttpResponse response, CancellationToken ct, string? from, string? to,
                string? reviewer, string? outcome, string? band, int? limit, int? offset) =>
            {
                var filters = new AuditFilters(from, to, reviewer, outcome, band);
                var items = await mediator.Send(filters.ListQuery(limit ?? 100, offset ?? 0), ct);
                response.Headers["X-Total-Count"] = (await mediator.Send(filters.CountQuery(), ct)).ToString(CultureInfo.InvariantCulture);
                return items;
            })
            .WithSummary("Decisions with the assessment they were based on, newest first, filtered by from/to (a date or a time, " +
                         "inclusive), reviewer (who decided or gave the second verdict), outcome and band at decision; the " +
                         "X-Total-Count header counts the filtered set.");

        group.MapGet("/decisions/export", async (IMediator mediator, CancellationToken ct, string? format, string? from, string? to,
            string? reviewer, string? outcome, string? band) =>
        {
            if (format is not (null or "csv" or "json"))
                throw new ValidationException([new ValidationFailure("format", "'format' must be csv or json.")]);
            // Validated before the first byte is written: a bad filter is a 400 problem, not a broken file.
            var decisions = await mediator.Send(new AuditFilters(from, to, reviewer, outcome, band).ExportQuery(), ct);
            var name = $"hirevet-decisions-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            return format == "csv"
                ? Results.Stream(body => DecisionsCsv.WriteAsync(decisions, body, ct), "text/csv; charset=utf-8", $"{name}.csv")
                : Results.Stream(body => JsonSerializer.SerializeAsync(body, decisions, JsonSerializerOptions.Web, ct), "application/json",
                    $"{name}.json");
        }).WithSummary("Export the filtered decisions (the same filters as the list) as CSV (format=csv) or JSON (default), " +
                       "streamed: every matching decision, no row limit.");
    
        // The printable report as a PDF, beside the page it prints (/audit/decisions/{id}/report).
        app.MapGet("/audit/decisions/{id:long}/report.pdf", async (long id, HttpContext http, IMediator mediator, ReportPdf pdf,
                ViewRenderer views, IWebHostEnvironment env, TimeProvider clock, CancellationToken ct) =>
            {
                if (!pdf.Available)
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF rendering is not available on this server.",
                        detail: "Headless Chromium is not installed here; print the report page from your browser instead.");
                var view = await DecisionView.LoadAsync(mediator, id, printable: true, ct);
                if (view is null)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No decision has the id {id}.");
                string css;
                await using (var stylesheet = env.WebRootFileProvider.GetFileInfo("css/site.css").CreateReadStream())
                using (var reader = new StreamReader(stylesheet))
                    css = await reader.ReadToEndAsync(ct);
                var html = await views.RenderAsync(http, "/Pages/Audit/_ReportDocument.cshtml",
                    new ReportDocument(view, clock.GetUtcNow(), http.User.Identity?.Name ?? "", css));
                var bytes = await pdf.RenderAsync(html, ct);
                return bytes is null
                    ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF could not be rendered.",
                        detail: "Chromium failed or ran out of time (see the server log); print the report page from your browser instead.")
                    : Results.File(bytes, "application/pdf", $"hirevet-decision-{id}.pdf");
            })
            .RequireAuthorization(Policies.Auditor).WithTags("Audit")
            .WithSummary("The decision's printable report as a PDF (headless Chromium); 503 when Chromium is not installed.");
    }
}
