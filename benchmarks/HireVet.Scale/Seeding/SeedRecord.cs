using System.Text.Json;

namespace HireVet.Scale.Seeding;

/// <summary>How a kept cluster was seeded, saved beside it so a later run on it still reports the seeding it reuses.</summary>
public sealed record SeedRecord(DateTimeOffset SeededAt, Seeder.Result Result, long DatabaseBytes)
{
    private const string FileName = "seed-result.json";

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this));

    public static SeedRecord? Load(string? folder) =>
        folder is not null && File.Exists(Path.Combine(folder, FileName))
            ? JsonSerializer.Deserialize<SeedRecord>(File.ReadAllText(Path.Combine(folder, FileName)))
            : null;
}
