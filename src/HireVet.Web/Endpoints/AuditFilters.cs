using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using HireVet.Application.Audit;

namespace HireVet.Web.Endpoints;

/// <summary>The decision filters as query-string text (the API, the audit page and its export links use the same
/// names: from, to, reviewer, outcome, band). A date alone means the whole day in UTC: from its first moment, to its
/// last. Outcome and band values are checked by the queries' validators.</summary>
public sealed record AuditFilters(string? From, string? To, string? Reviewer, string? Outcome, string? Band)
{
    public sealed record Parsed(DateTimeOffset? From, DateTimeOffset? To, string? Reviewer, string? Outcome, string? Band);

    /// <summary>The values, or the fields that cannot be read, named as in the query string.</summary>
    public (Parsed Filters, ValidationFailure[] Errors) Parse()
    {
        var errors = new List<ValidationFailure>();
        var from = Time("from", From, endOfDay: false, errors);
        var to = Time("to", To, endOfDay: true, errors);
        return (new Parsed(from, to, Blank(Reviewer), Blank(Outcome), Blank(Band)), errors.ToArray());
    }

    /// <summary>The values, or a <see cref="ValidationException"/> naming the fields (a 400 problem on the API).</summary>
    public Parsed ParseOrThrow()
    {
        var (filters, errors) = Parse();
        if (errors.Length == 0) return filters;
        // Report the other fields' problems too (an unknown band beside an unreadable date), not one at a time.
        var others = new CountDecisions.Validator().Validate(new CountDecisions.Query
        {
            From = filters.From, To = filters.To, Reviewer = filters.Reviewer, Outcome = filters.Outcome, Band = filters.Band,
        }).Errors;
        throw new ValidationException(errors.Concat(others));
    }

    /// <summary>The query string of the filters given ("from=2026-12-01&amp;band=high"), empty when none is.</summary>
    public string QueryString()
    {
        var parts = new[] { ("from", From), ("to", To), ("reviewer", Reviewer), ("outcome", Outcome), ("band", Band) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}");
        return string.Join('&', parts);
    }

    public bool Any => QueryString().Length > 0;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Time(string field, string? text, bool endOfDay, List<ValidationFailure> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            // The last microsecond of the day (PostgreSQL keeps microseconds), so that "to" includes the whole day.
            return endOfDay ? start.AddDays(1).AddTicks(-10) : start;
        }
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at;
        errors.Add(new ValidationFailure(field,
            $"'{field}' must be a date (2026-12-01) or a time with its offset (2026-12-01T09:30:00Z)."));
        return null;
    }

    public ListDecisions.Query ListQuery(int limit, int offset)
    {
        var f = ParseOrThrow();
        return new ListDecisions.Query { From = f.From, To = f.To, Reviewer = f.Reviewer, Outcome = f.Outcome, Band = f.Band, Limit = limit, Offset = offset };
    }

    public CountDecisions.Query CountQuery()
    {
        var f = ParseOrThrow();
        return new CountDecisions.Query { From = f.From, To = f.To, Reviewer = f.Reviewer, Outcome = f.Outcome, Band = f.Band };
    }

    public ExportDecisions.Query ExportQuery()
    {
        var f = ParseOrThrow();
        return new ExportDecisions.Query { From = f.From, To = f.To, Reviewer = f.Reviewer, Outcome = f.Outcome, Band = f.Band };
    }
}
