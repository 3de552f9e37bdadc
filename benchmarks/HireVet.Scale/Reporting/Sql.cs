using Dapper;
using Npgsql;

namespace HireVet.Scale.Reporting;

/// <summary>One-off statements of the benchmarks against the benchmark's database, without a time limit.</summary>
public static class Sql
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        return (await db.ExecuteScalarAsync<T>(new CommandDefinition(sql, commandTimeout: 0)))!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0));
    }
}

/// <summary>A benchmark's report: written to its file and printed.</summary>
public static class ReportFile
{
    public static async Task WriteAsync(string path, string markdown)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {path}");
    }
}
