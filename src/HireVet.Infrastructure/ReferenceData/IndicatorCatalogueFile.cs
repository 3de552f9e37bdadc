using HireVet.Application.Checks;

namespace HireVet.Infrastructure.ReferenceData;

/// <summary>The catalogue read once from its Markdown file. A missing or unreadable file leaves the catalogue empty
/// with the reason, instead of stopping the application: vetting does not depend on it, only the pages' text does.</summary>
public sealed class IndicatorCatalogueFile : IIndicatorCatalogue
{
    private readonly IReadOnlyDictionary<string, CatalogueIndicator> _indicators;

    private IndicatorCatalogueFile(IReadOnlyDictionary<string, CatalogueIndicator> indicators, string? unavailable) =>
        (_indicators, Unavailable) = (indicators, unavailable);

    public string? Unavailable { get; }

    public CatalogueIndicator? Find(string indicatorId) => _indicators.GetValueOrDefault(indicatorId);

    public static IndicatorCatalogueFile Load(string path)
    {
        try
        {
            var parsed = IndicatorCatalogueParser.Parse(File.ReadAllText(path));
            return parsed.Indicators.Count == 0
                ? new IndicatorCatalogueFile(parsed.Indicators, $"{path} holds no indicator table")
                : new IndicatorCatalogueFile(parsed.Indicators, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IndicatorCatalogueFile(new Dictionary<string, CatalogueIndicator>(), $"{path} could not be read ({e.Message})");
        }
    }
}
