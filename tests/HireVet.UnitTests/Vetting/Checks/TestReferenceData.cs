using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using HireVet.UnitTests.ReferenceData.Network;

namespace HireVet.UnitTests.Vetting.Checks;

/// <summary>The real reference data, loaded once for every check test in the process.</summary>
internal static class TestReferenceData
{
    private static readonly Lazy<ReferenceSnapshot> Loaded = new(() =>
    {
        var files = new NetworkDataFixture();
        return new ReferenceSnapshot(
            [new DatasetInfo { Name = Datasets.Network, Status = "loaded" }],
            new Dictionary<string, object> { [Datasets.Network] = files.Network });
    });

    public static ReferenceSnapshot Snapshot => Loaded.Value;

    public static NetworkIntelligence Network => Snapshot.Get<NetworkIntelligence>(Datasets.Network)!;
}
