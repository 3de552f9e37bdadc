using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Audit;
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

        group.MapGet("/decisions", (IMediator mediator, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to, int? limit, int? offset) =>
                mediator.Send(new ListDecisions.Query(from, to, limit ?? 100, offset ?? 0), ct))
            .WithSummary("Every decision with the assessment it was based on.");

        group.MapGet("/decisions/export", async (IMediator mediator, CancellationToken ct, string? format, DateTimeOffset? from, DateTimeOffset? to) =>
        {
            if (format is not (null or "csv" or "json"))
                throw new ValidationException([new ValidationFailure("format", "'format' must be csv or json.")]);
            var decisions = await mediator.Send(new ListDecisions.Query(from, to, Limit: 10_000), ct);
            var name = $"hirevet-decisions-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            return format == "csv"
                ? Results.File(Encoding.UTF8.GetBytes(DecisionsCsv.Write(decisions)), "text/csv; charset=utf-8", $"{name}.csv")
                : Results.File(JsonSerializer.SerializeToUtf8Bytes(decisions, JsonSerializerOptions.Web), "application/json", $"{name}.json");
        }).WithSummary("Export decisions as CSV (format=csv) or JSON (default).");
    }
}
