using System.Runtime.Intrinsics;

namespace HireVet.Application.Dossiers.Resumes;

/// <summary>A MinHash signature of a resume's word 5-shingles, and its LSH band hashes. Two resumes' signatures agree
/// in about the fraction of their shingles they share (Jaccard similarity), and resumes that share most of their text
/// almost surely share a band, so near-duplicates are found through an index on bands rather than by comparing every
/// pair.</summary>
public sealed class ResumeFingerprint
{
    public const int HashCount = 128;
    public const int BandCount = 32; // 4 rows a band: pairs at similarity 0.5 share a band with probability ~0.87, at 0.8 ~1.0
    public const int ShingleWords = 5;
    /// <summary>Shorter texts share shingles by chance and template; they are not compared.</summary>
    public const int MinimumWords = 50;

    private const int RowsPerBand = HashCount / BandCount;
    private static readonly ulong[] Seeds = MakeSeeds();
    private static readonly Vector512<ulong>[] SeedVectors = [.. Enumerable.Range(0, HashCount / 8).Select(j => Vector512.Create(Seeds.AsSpan(j * 8, 8)))];

    public long[] MinHash { get; }
    public int Words { get; }

    private ResumeFingerprint(long[] minHash, int words) => (MinHash, Words) = (minHash, words);

    public static ResumeFingerprint FromStored(long[] minHash, int words) => new(minHash, words);

    public static ResumeFingerprint? Of(string? text)
    {
        var words = WordsOf(text);
        if (words.Length < MinimumWords) return null;
        var shingles = Shingles(words).ToArray();
        return new ResumeFingerprint(Vector512.IsHardwareAccelerated ? MinHashVectorised(shingles) : MinHashScalar(shingles), words.Length);
    }

    /// <summary>Each of the hash functions' least value over the shingles, one at a time.</summary>
    internal static long[] MinHashScalar(ulong[] shingles)
    {
        var minHash = new long[HashCount];
        Array.Fill(minHash, long.MaxValue);
        foreach (var shingle in shingles)
            for (var k = 0; k < HashCount; k++)
            {
                var h = (long)(Mix(shingle ^ Seeds[k]) >> 1);
                if (h < minHash[k]) minHash[k] = h;
            }
        return minHash;
    }

    /// <summary>The same values as <see cref="MinHashScalar"/>, eight hash functions at a time (AVX-512): this was a
    /// third of the CPU time of storing a bulk batch. The values are below 2^63 (shifted right once), so unsigned and
    /// signed minimum agree.</summary>
    internal static long[] MinHashVectorised(ulong[] shingles)
    {
        const int lanes = 8;
        Span<Vector512<ulong>> mins = stackalloc Vector512<ulong>[HashCount / lanes];
        mins.Fill(Vector512.Create((ulong)long.MaxValue));
        foreach (var shingle in shingles)
        {
            var s = Vector512.Create(shingle);
            for (var j = 0; j < mins.Length; j++)
            {
                var z = s ^ SeedVectors[j];
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
                mins[j] = Vector512.Min(mins[j], (z ^ (z >>> 31)) >>> 1);
            }
        }
        var minHash = new long[HashCount];
        for (var j = 0; j < mins.Length; j++)
            for (var l = 0; l < lanes; l++) minHash[j * lanes + l] = (long)mins[j][l];
        return minHash;
    }

    /// <summary>One key per band: the FNV hash of the band's rows, with the band's number in the top bits so that equal
    /// hashes in different bands stay different keys (stored as one array, indexed with GIN).</summary>
    public long[] BandHashes()
    {
        var bands = new long[BandCount];
        for (var b = 0; b < BandCount; b++)
        {
            var h = 14695981039346656037UL;
            for (var r = 0; r < RowsPerBand; r++) h = (h ^ (ulong)MinHash[b * RowsPerBand + r]) * 1099511628211UL;
            bands[b] = (long)h ^ ((long)b << 58);
        }
        return bands;
    }

    /// <summary>Estimated Jaccard similarity of the two resumes' shingle sets.</summary>
    public double Similarity(ResumeFingerprint other)
    {
        var equal = 0;
        for (var k = 0; k < HashCount; k++)
            if (MinHash[k] == other.MinHash[k]) equal++;
        return (double)equal / HashCount;
    }

    /// <summary>The longest run of words the two texts share (whole shingles), for a reviewer to read side by side.</summary>
    public static string? SharedPassage(string mine, string theirs, int maxWords = 60)
    {
        var a = Tokens(mine);
        var theirShingles = Shingles(WordsOf(theirs)).ToHashSet();
        var mineShingles = Shingles([.. a.Select(t => t.Normalized)]).ToArray();
        var (bestStart, bestLength, runStart, runLength) = (0, 0, 0, 0);
        for (var i = 0; i < mineShingles.Length; i++)
        {
            if (theirShingles.Contains(mineShingles[i]))
            {
                if (runLength == 0) runStart = i;
                runLength++;
                if (runLength > bestLength) (bestStart, bestLength) = (runStart, runLength);
            }
            else runLength = 0;
        }
        if (bestLength == 0) return null;
        var words = a.Skip(bestStart).Take(Math.Min(maxWords, bestLength + ShingleWords - 1)).Select(t => t.Original).ToArray();
        return string.Join(' ', words) + (bestLength + ShingleWords - 1 > maxWords ? " …" : "");
    }

    private static string[] WordsOf(string? text) => [.. Tokens(text).Select(t => t.Normalized)];

    /// <summary>Whitespace-separated words as written, and as compared (lower-case letters and digits only).</summary>
    private static (string Original, string Normalized)[] Tokens(string? text)
    {
        if (text is null) return [];
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var tokens = new List<(string, string)>(words.Length);
        Span<char> kept = stackalloc char[256];
        foreach (var word in words)
        {
            var buffer = word.Length <= kept.Length ? kept : new char[word.Length];
            var n = 0;
            foreach (var c in word)
                if (char.IsLetterOrDigit(c)) buffer[n++] = c;
            if (n > 0) tokens.Add((word, new string(buffer[..n]).ToLowerInvariant()));
        }
        return [.. tokens];
    }

    private static IEnumerable<ulong> Shingles(string[] words)
    {
        for (var i = 0; i + ShingleWords <= words.Length; i++)
        {
            var h = 14695981039346656037UL; // FNV-1a over the shingle's words, separated
            for (var w = i; w < i + ShingleWords; w++)
            {
                foreach (var c in words[w]) h = (h ^ c) * 1099511628211UL;
                h = (h ^ ' ') * 1099511628211UL;
            }
            yield return h;
        }
    }

    // SplitMix64 finaliser: a good 64-bit mixer, so each seed acts as an independent hash function.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[HashCount];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < HashCount; i++) seeds[i] = Mix(state += 0x9E3779B97F4A7C15UL);
        return seeds;
    }
}
