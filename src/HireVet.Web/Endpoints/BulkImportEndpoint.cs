using HireVet.Application.Candidates;
using HireVet.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace HireVet.Web.Endpoints;

/// <summary>POST /api/candidates/bulk: an applicant-tracking system's export as NDJSON, one dossier per line, read as a
/// stream (never whole) and handed line by line to <see cref="BulkImport"/>.</summary>
public static class BulkImportEndpoint
{
    public const string Path = "/api/candidates/bulk";
    /// <summary>Kestrel's limit for this endpoint only; every other endpoint keeps 1 MiB.</summary>
    public const long MaxBody = 8L * 1024 * 1024 * 1024;
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];

    public static void MapBulkImport(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ImportAsync)
            .RequireAuthorization(Policies.Hr)
            .WithTags("Candidates")
            .WithSummary("Submit many dossiers as NDJSON (one JSON dossier per line); each line is stored and vetted, or rejected with its errors.")
            // Not .Accepts(): routing would then answer a wrong Content-Type with 415 before authorisation.
            .WithDescription("Content-Type application/x-ndjson, each line a dossier as POST /api/candidates takes it. " +
                             "`?lines=errors` returns only the rejected lines' results.")
            .Produces<BulkImport.Response>()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, BulkImport bulk, IOptions<HttpJsonOptions> json, string? lines,
        CancellationToken ct)
    {
        if (!MediaTypes.Any(t => context.Request.ContentType?.StartsWith(t, StringComparison.OrdinalIgnoreCase) == true))
            throw new BadHttpRequestException($"Send NDJSON: Content-Type {MediaTypes[0]}, one dossier per line.", StatusCodes.Status415UnsupportedMediaType);
        return Results.Ok(await bulk.ImportAsync(NdjsonLines.ReadAsync(context.Request.BodyReader, BulkImport.MaxLine, ct),
            json.Value.SerializerOptions, includeAccepted: lines != "errors", ct));
    }

    /// <summary>Lifts the 1 MiB body limit for the bulk endpoint alone (Kestrel enforces it while streaming).</summary>
    public static void AllowLargeBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBody;
    }
}
