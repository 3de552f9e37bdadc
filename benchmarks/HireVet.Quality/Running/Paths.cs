namespace HireVet.Quality.Running;

/// <summary>Where the repository and the shared reference data are, found from the program's own folder.</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) return dir.FullName;
        throw new InvalidOperationException("HireVet.sln not found above the quality benchmark's folder.");
    }

    public static string NpmModules => Path.Combine(RepositoryRoot, "data", "npm", "node_modules");
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
    public static string AsnCsv => Path.Combine(NpmModules, "@ip-location-db", "asn", "asn-ipv4-num.csv");
    public static string DprkWallets => Path.Combine(SharedData, "crypto", "dprk-addresses.csv");
    public static string Results => Path.Combine(RepositoryRoot, "benchmarks", "results");
}
