using System.Text.Json;
using FluentValidation;
using HireVet.Application.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace HireVet.Web.Errors;

/// <summary>The one place where exceptions become HTTP answers: application/problem+json for the API, the HTML error
/// page for browser pages; never a stack trace.</summary>
public sealed class ProblemDetailsMapper(IProblemDetailsService problems, ILogger<ProblemDetailsMapper> logger) : IExceptionHandler
{
    public static bool IsApiRequest(HttpContext context) => IsApiPath(context.Request.Path);

    private static bool IsApiPath(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // By now the request path is the error page's; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path;
        if (!IsApiPath(path))
        {
            logger.LogError(exception, "Unhandled error on page {Path}", path);
            return false; // pages get the HTML error page (UseExceptionHandler's path)
        }
        var problem = Map(exception);
        if (problem.Status >= 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => new HttpValidationProblemDetails(ValidationErrors(v))
        {
            Status = 400,
            Title = "The request has invalid fields.",
        },
        BadHttpRequestException { StatusCode: 413 } => new ProblemDetails { Status = 413, Title = "The request body is too large." },
        BadHttpRequestException { InnerException: BadHttpRequestException { StatusCode: 413 } } =>
            new ProblemDetails { Status = 413, Title = "The request body is too large." },
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
        NotFoundException nf => new ProblemDetails { Status = 404, Title = "Not found.", Detail = nf.Message },
        ConflictException c => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = c.Message },
        ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = f.Message },
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } pg => new ProblemDetails
        {
            Status = 409,
            Title = "Conflict.",
            Detail = pg.SqlState == PostgresErrorCodes.UniqueViolation ? "That already exists." : "That refers to something that does not exist.",
            Extensions = { ["constraint"] = pg.ConstraintName },
        },
        _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred. It has been logged." },
    };

    private static ProblemDetails InvalidJson(JsonException json) => new HttpValidationProblemDetails(JsonErrors(json))
    {
        Status = 400,
        Title = "The request has invalid fields.",
    };

    /// <summary>Validation errors by field, as a problem's "errors" holds them (also a bulk import line's errors).</summary>
    public static IDictionary<string, string[]> ValidationErrors(ValidationException v) => v.Errors
        .GroupBy(e => e.PropertyName)
        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Names the JSON field that could not be read: "claimedResidence.country", "dateOfBirth", or the body.</summary>
    public static IDictionary<string, string[]> JsonErrors(JsonException json)
    {
        var field = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        var unknown = json.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (unknown && field.Length == 0) field = UnknownPropertyName(json.Message) ?? "";
        var message = unknown ? $"'{field}' is not a known field." : field.Length == 0
            ? "The request body is not valid JSON."
            : $"'{field}' has a value of the wrong type or format.";
        return new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] };
    }

    private static string? UnknownPropertyName(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }
}
