using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData;
using HireVet.Infrastructure.ReferenceData.Sanctions;

namespace HireVet.UnitTests.ReferenceData.Sanctions;

/// <summary>The real 2025-11-19 OFAC data under /work/shared/data, parsed and indexed once for all sanctions tests.</summary>
public sealed class SdnDataFixture
{
    // One parse per test process, shared with the check tests (TestReferenceData).
    private static readonly Lazy<SdnDataFixture> Loaded = new(() => new SdnDataFixture(load: true));

    public static SdnDataFixture Shared => Loaded.Value;

    public SdnDataFixture() : this(Shared) { }

    private SdnDataFixture(SdnDataFixture shared)
    {
        DataDirectory = shared.DataDirectory;
        List = shared.List;
        Index = shared.Index;
        Addresses = shared.Addresses;
        AddressesWithoutSdn = shared.AddressesWithoutSdn;
    }

    private SdnDataFixture(bool load)
    {
        DataDirectory = FindDataDirectory();
        List = SdnAdvancedXml.ReadFile(Path.Combine(DataDirectory, "ofac", "sdn_advanced.xml.gz"));
        Index = SanctionsIndex.Build(List);
        Addresses = ReferenceDataFiles.SanctionedAddresses(CryptoDirectory, List);
        AddressesWithoutSdn = ReferenceDataFiles.SanctionedAddresses(CryptoDirectory, sdn: null);
    }

    public string DataDirectory { get; }

    public string CryptoDirectory => Path.Combine(DataDirectory, "crypto");

    public SdnList List { get; }

    public SanctionsIndex Index { get; }

    public SanctionedAddresses Addresses { get; }

    public SanctionedAddresses AddressesWithoutSdn { get; }

    public SdnEntry Entry(int profileId) => List.Entries.Single(entry => entry.ProfileId == profileId);

    private static string FindDataDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HireVet.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
                return Directory.Exists(data)
                    ? data
                    : throw new DirectoryNotFoundException($"Reference data not found at {data} (expected next to the repository).");
            }
        }

        throw new DirectoryNotFoundException($"No HireVet.sln above {AppContext.BaseDirectory}.");
    }
}
