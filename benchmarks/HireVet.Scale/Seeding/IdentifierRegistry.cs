namespace HireVet.Scale.Seeding;

/// <summary>Every identifier handed out so far, as 64-bit hashes of kind and value, shared by the generating threads
/// so that strangers never share one by accident.</summary>
public sealed class IdentifierRegistry
{
    private readonly HashSet<ulong> _taken = [];
    private readonly Lock _lock = new();

    /// <summary>Takes all of the keys, or none when one is taken already.</summary>
    public bool TryTakeAll(IReadOnlyCollection<ulong> keys)
    {
        lock (_lock)
        {
            if (keys.Any(_taken.Contains)) return false;
            foreach (var key in keys) _taken.Add(key);
            return true;
        }
    }

    /// <summary>Takes the keys whether or not they are taken (a person kept after many tries).</summary>
    public void Take(IEnumerable<ulong> keys)
    {
        lock (_lock) foreach (var key in keys) _taken.Add(key);
    }

    /// <summary>FNV-1a over kind and value: 64 bits, the same on every run (string hash codes are not).</summary>
    public static ulong Key(string kind, string value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in kind) h = (h ^ c) * 1099511628211UL;
        h = (h ^ ':') * 1099511628211UL;
        foreach (var c in value) h = (h ^ c) * 1099511628211UL;
        return h;
    }
}
