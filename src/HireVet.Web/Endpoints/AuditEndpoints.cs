using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Audit;
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
            .WithSummary("Walk the audit hash chain and report the first broken record.");

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
