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
        ValidationException v => new HttpValidationProblemDetails(FieldErrors.Of(v))
        {
            Status = 400, Title = "The request has invalid fields.",
        },
        BadHttpRequestException { StatusCode: 413 } => new ProblemDetails { Status = 413, Title = "The request body is too large." },
        BadHttpRequestException { InnerException: BadHttpRequestException { StatusCode: 413 } } =>
            new ProblemDetails { Status = 413, Title = "The request body is too large." },
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
        NotFoundException nf => new ProblemDetails { Status = 404, Title = "Not found.", Detail = nf.Message },
        ConflictException c => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = c.Message },
        ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = f.Message },
        PostgresException pg when NameTaken(pg) is { } taken => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [taken.Field] = [taken.Message] })
        {
            Status = 409,
            Title = "Conflict.",
            Detail = taken.Message,
            Extensions = { ["constraint"] = pg.ConstraintName },
        },
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } pg => new ProblemDetails
        {
            Status = 409, Title = "Conflict.",
            Detail = pg.SqlState == PostgresErrorCodes.UniqueViolation ? "That already exists." : "That refers to something that does not exist.",
            Extensions = { ["constraint"] = pg.ConstraintName },
        },
        // No connection within Npgsql's timeout (the pool is busy, decision 0058) or the server unreachable: try later.
        NpgsqlException { IsTransient: true } and not PostgresException => new ProblemDetails
        {
            Status = 503, Title = "The database is busy or unreachable. Try again shortly.",
        },
        _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred. It has been logged." },
    };

    private static ProblemDetails InvalidJson(JsonException json) => new HttpValidationProblemDetails(FieldErrors.Of(json))
    {
        Status = 400, Title = "The request has invalid fields.",
    };

    /// <summary>Unique constraints a person hits by choosing a name already taken: the field to name and what to say.</summary>
    private static readonly Dictionary<string, (string Field, string Message)> TakenNames = new()
    {
        ["rulesets_pkey"] = ("version", "A ruleset with this version already exists: give the new one a version of its own."),
        ["ux_users_username"] = ("username", "A user with this username already exists."),
    };

    /// <summary>The field whose value is already taken, for an API problem and a page's form alike; null for any other
    /// error.</summary>
    public static (string Field, string Message)? NameTaken(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } constraint }
        && TakenNames.TryGetValue(constraint, out var taken) ? taken : null;
}
