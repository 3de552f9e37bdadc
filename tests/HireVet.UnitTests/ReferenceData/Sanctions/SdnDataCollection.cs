namespace HireVet.UnitTests.ReferenceData.Sanctions;

/// <summary>Shares one <see cref="SdnDataFixture"/> (≈ 4 s to parse and index) across the sanctions test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SdnDataCollection : ICollectionFixture<SdnDataFixture>
{
    public const string Name = "OFAC SDN data";
}
