namespace HireVet.Quality.Corpus;

/// <summary>What every generator shares: the seeded random source, the IP pools, "now", and the registry of values
/// that must stay unique across strangers (emails, phones, document and account numbers, addresses): two honest people
/// sharing one of those would be a link the corpus did not intend.</summary>
public sealed class CorpusContext(int seed, IpPools ips, DateTimeOffset now)
{
    private readonly HashSet<string> _unique = [];

    public Random Rng { get; } = new(seed);
    public IpPools Ips { get; } = ips;
    public DateTimeOffset Now { get; } = now;
    public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>Makes values until one is new; the namespace keeps kinds apart ("phone", "email"...).</summary>
    public string Unique(string kind, Func<string> make)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var value = make();
            if (Reserve(kind, value)) return value;
        }
        throw new InvalidOperationException($"Could not make a unique {kind} in 1,000 tries.");
    }

    /// <summary>True when the value was not taken yet (and takes it).</summary>
    public bool Reserve(string kind, string value) => _unique.Add($"{kind}:{value.ToLowerInvariant()}");

    public string ExternalId() => Unique("external-id", () => $"ats-{Rng.Next(100_000, 1_000_000)}");
}
