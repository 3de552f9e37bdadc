namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>The parsed SDN list.</summary>
/// <param name="DateOfIssue">yyyy-MM-dd, from <c>/Sanctions/DateOfIssue</c>.</param>
/// <param name="Entries">One entry per <c>DistinctParty</c>, in file order.</param>
/// <param name="CountryCodesByName">OFAC country name → ISO2, from the XML's country table (used to read a
/// screened country given either way).</param>
public sealed record SdnList(
    string DateOfIssue,
    IReadOnlyList<SdnEntry> Entries,
    IReadOnlyDictionary<string, string> CountryCodesByName);
