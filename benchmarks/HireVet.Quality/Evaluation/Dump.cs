using System.Text.Json;
using HireVet.Application.Dossiers;

namespace HireVet.Quality.Evaluation;

/// <summary>Optional (--dump FILE): one JSON line per candidate with its label, band, score and weighted signals, to
/// look into a category or a tactic beyond the report's summary.</summary>
public static class Dump
{
    public static void Write(string path, IEnumerable<Scored> scored)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in scored)
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                s.Label.ExternalId, s.Label.IsRingMember, s.Label.Category, s.Label.Ring, s.Label.Tactics, Origin = s.Label.Name.Origin,
                s.Band, s.Score,
                Signals = s.Weighted.Select(x => new { x.IndicatorId, x.Severity, x.Weight, x.Check, x.Explanation }),
                Dossier = s.Label.Dossier,
            }, DossierJson.Options));
    }
}
