using System.Globalization;
using System.Text;
using HireVet.Application.Audit;

namespace HireVet.Web.Endpoints;

/// <summary>RFC 4180 CSV of decisions, one row each, with the assessment they were based on and its indicators,
/// written row by row as the decisions arrive.</summary>
public static class DecisionsCsv
{
    private static readonly string[] Header =
    [
        "decision_id", "candidate_id", "external_id", "legal_name", "outcome", "justification", "decided_by", "decided_at",
        "requires_approval", "approval_verdict", "approved_by", "approval_justification", "approved_at", "assessment_id",
        "assessment_score", "assessment_band", "ruleset_version", "ruleset_hash", "assessed_at", "indicators", "band_at_decision",
    ];

    public static async Task WriteAsync(IAsyncEnumerable<ListDecisions.Item> decisions, Stream body, CancellationToken ct)
    {
        // The writer's buffer goes out whenever it fills, so memory holds a few rows, not the export.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024);
        await writer.WriteAsync(HeaderLine());
        await foreach (var d in decisions.WithCancellation(ct))
            await writer.WriteAsync(Row(d));
        await writer.FlushAsync(ct);
    }

    public static string HeaderLine() => string.Join(',', Header) + "\r\n";

    public static string Row(ListDecisions.Item d)
    {
        string?[] fields =
        [
            d.DecisionId.ToString(CultureInfo.InvariantCulture), d.CandidateId.ToString(CultureInfo.InvariantCulture), d.ExternalId,
            d.LegalName, d.Outcome, d.Justification, d.DecidedBy, Time(d.DecidedAt), d.RequiresApproval ? "true" : "false",
            d.ApprovalVerdict, d.ApprovedBy, d.ApprovalJustification, d.ApprovedAt is { } at ? Time(at) : null,
            d.AssessmentId.ToString(CultureInfo.InvariantCulture), d.AssessmentScore.ToString(CultureInfo.InvariantCulture),
            d.AssessmentBand, d.RulesetVersion, d.RulesetHash, Time(d.AssessedAt),
            string.Join(';', d.Signals.Select(s => s.IndicatorId).Distinct()), d.BandAtDecision,
        ];
        return string.Join(',', fields.Select(Escape)) + "\r\n";
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    // Quotes fields that need it, and defuses spreadsheet formulas (a justification starting with "=").
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
