using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.ReferenceData;

namespace HireVet.UnitTests.ReferenceData.Network;

/// <summary>Loads the real network reference data once per test class: the pinned npm packages under
/// <c>data/npm/node_modules</c> and the curated files under <c>../shared/data</c> next to the checkout.</summary>
public sealed class NetworkDataFixture
{
    public NetworkDataFixture()
    {
        RepoRoot = FindRepoRoot();
        NpmModulesDir = Path.Combine(RepoRoot, "data", "npm", "node_modules");
        SharedDataDir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
        Network = ReferenceDataFiles.Network(NpmModulesDir, SharedDataDir);
    }

    public string RepoRoot { get; }

    public string NpmModulesDir { get; }

    public string SharedDataDir { get; }

    public NetworkIntelligence Network { get; }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HireVet.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HireVet.sln not found above the test output folder.");
    }
}
