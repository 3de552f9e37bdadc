using Microsoft.Extensions.Configuration;

namespace HireVet.Infrastructure.ReferenceData;

/// <summary>Where the datasets are read from. Defaults suit a checkout: npm packages under data/npm/node_modules (put
/// there by `npm ci`), the curated public datasets in ../shared/data beside the repository, Debian's own files.</summary>
public sealed record ReferenceDataOptions
{
    public string NpmModules { get; init; } = "";
    public string SharedData { get; init; } = "";
    /// <summary>The indicator catalogue (docs/indicators.md of the shared folder), whose text the pages show beside signals.</summary>
    public string IndicatorCatalogue { get; init; } = "";

    public static ReferenceDataOptions From(IConfiguration configuration, string contentRoot)
    {
        var root = RepositoryRoot(contentRoot) ?? RepositoryRoot(AppContext.BaseDirectory) ?? contentRoot;
        return new ReferenceDataOptions
        {
            NpmModules = configuration["ReferenceData:NpmModules"] ?? Path.Combine(root, "data", "npm", "node_modules"),
            SharedData = configuration["ReferenceData:SharedData"] ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data")),
            IndicatorCatalogue = configuration["ReferenceData:IndicatorCatalogue"] ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "docs", "indicators.md")),
        };
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) return dir.FullName;
        return null;
    }
}
