using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace HireVet.Benchmarks;

/// <summary>Measured figures against their targets, written as a Markdown table with the machine they ran on.</summary>
public sealed class Report
{
    private readonly List<(string Name, string Measured, string Target, bool? Met, string Notes)> _rows = [];

    public bool AllMet => _rows.All(r => r.Met != false);

    public void Add(string name, string measured, string target, bool? met, string notes = "") => _rows.Add((name, measured, target, met, notes));

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"# HireVet benchmarks, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        md.AppendLine();
        md.AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
                      $"{(System.Diagnostics.Debugger.IsAttached ? "debugger" : "Release, no debugger")}. Command: `./hirevet bench`.");
        md.AppendLine();
        md.AppendLine("| benchmark | measured | target | met | notes |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in _rows)
            md.AppendLine($"| {r.Name} | {r.Measured} | {r.Target} | {(r.Met is null ? "n/a" : r.Met.Value ? "yes" : "**no**")} | {r.Notes} |");
        return md.ToString();
    }
}

public static class Paths
{
    public static string RepositoryRoot { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) return dir.FullName;
        throw new InvalidOperationException("HireVet.sln not found above the benchmark's folder.");
    }

    public static string NpmModules => Path.Combine(RepositoryRoot, "data", "npm", "node_modules");
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
}
