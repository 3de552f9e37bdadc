using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;
using HireVet.Application.ReferenceData.Network;
using HireVet.Infrastructure.ReferenceData;
using HireVet.UnitTests.ReferenceData.Network;
using HireVet.UnitTests.ReferenceData.Sanctions;

namespace HireVet.UnitTests.Checks;

/// <summary>The real reference data, loaded once for every check test in the process.</summary>
internal static class TestReferenceData
{
    private static readonly Lazy<ReferenceSnapshot> Loaded = new(() =>
    {
        var sanctions = SdnDataFixture.Shared;
        var values = new Dictionary<string, object>
        {
            [Datasets.Network] = new NetworkDataFixture().Network,
            [Datasets.OfacSdn] = sanctions.Index,
            [Datasets.OfacCryptoAddresses] = sanctions.AddressesWithoutSdn,
            [Datasets.PhoneMetadata] = ReferenceData.Contact.ContactData.PhoneMetadata,
            [Datasets.DisposableEmailDomains] = ReferenceData.Contact.ContactData.DisposableDomains,
            [Datasets.FreeEmailDomains] = ReferenceData.Contact.ContactData.FreeDomains,
            [Datasets.IbanSpecs] = ReferenceData.Banking.IbanData.Specs,
            [Datasets.TimeZones] = ReferenceDataFiles.TimeZones("/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"),
        };
        return new ReferenceSnapshot([.. values.Keys.Select(name => new DatasetInfo { Name = name, Status = "loaded" })], values);
    });

    public static ReferenceSnapshot Snapshot => Loaded.Value;

    public static NetworkIntelligence Network => Snapshot.Get<NetworkIntelligence>(Datasets.Network)!;
}
