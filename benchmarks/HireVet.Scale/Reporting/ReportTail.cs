using System.Globalization;
using System.Text;

namespace HireVet.Scale.Reporting;

/// <summary>How a benchmark report that runs the web app ends: the time of each step, and whatever the app logged as
/// a problem.</summary>
public static class ReportTail
{
    public static void Append(StringBuilder md, IReadOnlyList<(string Step, TimeSpan Time)> timings, IReadOnlyCollection<string> webProblems)
    {
        md.AppendLine("## Steps").AppendLine();
        md.AppendLine("| Step | Time |").AppendLine("|---|---|");
        foreach (var (name, time) in timings) md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {time.TotalSeconds:0.0} s |"));
        md.AppendLine();
        if (webProblems.Count == 0) return;
        md.AppendLine("## Problems the web app logged").AppendLine().AppendLine("```");
        foreach (var line in webProblems) md.AppendLine(line);
        md.AppendLine("```").AppendLine();
    }
}
