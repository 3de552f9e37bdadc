using System.Globalization;
using System.Text;
using HireVet.Scale.Load;

namespace HireVet.Scale.Reporting;

/// <summary>"Where the time goes" from the web app's traces: per span name, how many, their total time and their median
/// and 95th percentile. Spans nest (a request holds its MediatR request, which holds its SQL), so totals overlap.</summary>
public static class SpanTable
{
    public static void Write(StringBuilder md, IReadOnlyList<WebProcess.SpanSummary> rows, int top = 30)
    {
        if (rows.Count == 0)
        {
            md.AppendLine("(no spans received)").AppendLine();
            return;
        }
        md.AppendLine("| span | count | total s | p50 ms | p95 ms |").AppendLine("|---|---|---|---|---|");
        foreach (var r in rows.Take(top))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{r.Name.Replace("|", "\\|", StringComparison.Ordinal)}` | {r.Count:N0} | {r.TotalSeconds:0.00} | {r.P50Ms:0.00} | {r.P95Ms:0.00} |"));
        if (rows.Count > top) md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {rows.Count - top} more names | | | | |"));
        md.AppendLine();
    }
}
