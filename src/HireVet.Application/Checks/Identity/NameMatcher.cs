using System.Globalization;
using System.Text;

namespace HireVet.Application.Checks.Identity;

public enum NameMatch
{
    Same,
    Compatible,
    Different,
}

/// <summary>
/// Compares two spellings of a personal name and decides whether they can refer to the same
/// written identity. It only ever looks at the letters of the names; it never infers anything
/// about who a person is.
/// </summary>
public static class NameMatcher
{
    private const int MaxTokens = 8;
    private const int MinTypoLength = 6;

    // Romanisation variants of Korean and Chinese name syllables. Membership is not transitive:
    // "chang" belongs to two classes, so "jang" ~ "chang" ~ "zhang" but "jang" !~ "zhang".
    private static readonly string[][] VariantClasses =
    [
        ["kim", "gim"],
        ["lee", "yi", "i", "ri", "rhee", "rhie", "rii", "li"],
        ["park", "pak", "bak", "bahk"],
        ["choi", "choe", "chwe"],
        ["jung", "jeong", "chung", "jong", "cheong"],
        ["kang", "gang"],
        ["cho", "jo"],
        ["yoon", "yun"],
        ["jang", "chang"],
        ["lim", "im", "rim", "lym"],
        ["shin", "sin", "shinn"],
        ["oh", "o"],
        ["seo", "suh", "so"],
        ["kwon", "gwon"],
        ["ahn", "an"],
        ["jeon", "jun", "chon", "jon", "chun"],
        ["ko", "go", "koh"],
        ["moon", "mun"],
        ["son", "sohn"],
        ["bae", "pae"],
        ["baek", "paek", "paik", "back"],
        ["heo", "hur", "ho", "huh"],
        ["noh", "roh", "no", "ro"],
        ["ryu", "yoo", "yu", "ryoo", "rhyu"],
        ["zhang", "chang"],
        ["zhou", "chou", "chow"],
        ["chen", "chan"],
        ["liu", "lau", "lew"],
        ["wang", "wong"],
        ["huang", "hwang"],
        ["xu", "hsu"],
        ["zhao", "chao", "chiu"],
        ["wu", "woo"],
        // Given-name syllables. "song" is deliberately absent: it is also a surname.
        ["sung", "seong"],
        ["young", "yeong", "yong"],
        ["hyun", "hyeon"],
        ["eun", "un"],
        ["ok", "og"],
    ];

    private static readonly Dictionary<string, int[]> VariantClassesByToken = BuildVariantIndex();

    public static NameMatch Compare(string a, string b)
    {
        var left = Tokens(a);
        var right = Tokens(b);
        if (left.Length == 0 || right.Length == 0)
        {
            return NameMatch.Different;
        }

        var search = new AlignmentSearch(left, right);
        return search.Run();
    }

    /// <summary>
    /// The spelling machine-readable travel documents use (ICAO Doc 9303): Ä, Ö, Ü written AE, OE, UE, Å as AA, Ø as OE.
    /// A passport of Jürgen Müller reads JUERGEN MUELLER while his bank writes Jurgen Muller; both are his name.
    /// </summary>
    public static string NormalizeIcao(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'ä' => "ae",
                'ö' or 'ø' => "oe",
                'ü' => "ue",
                'å' => "aa",
                var other => other.ToString(),
            });
        }

        return Normalize(builder.ToString());
    }

    public static string Normalize(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (IsApostrophe(rune))
            {
                // O'Brien is one surname, not "o" + "brien".
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                AppendFolded(builder, Rune.ToLowerInvariant(rune));
            }
            else
            {
                builder.Append(' ');
            }
        }

        // Recompose so scripts that NFD splits into letters (e.g. Hangul jamo) come back whole.
        var recomposed = builder.ToString().Normalize(NormalizationForm.FormC);
        return string.Join(' ', recomposed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A name token with its ICAO spelling (the same string when the token has no letter ICAO spells out).</summary>
    private readonly record struct Token(string Plain, string Icao);

    private static Token[] Tokens(string name)
    {
        var plain = Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var icao = NormalizeIcao(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (plain.Length == 0)
        {
            return [];
        }

        // Both spellings tokenise alike: ICAO only replaces letters with letters.
        var tokens = plain.Select((p, i) => new Token(p, i < icao.Length ? icao[i] : p)).ToArray();
        return tokens.Length <= MaxTokens ? tokens : tokens[..MaxTokens];
    }

    private static bool IsApostrophe(Rune rune) =>
        rune.Value is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    // Letters that carry no combining mark under NFD but are still "the same letter" to a clerk.
    private static void AppendFolded(StringBuilder builder, Rune rune)
    {
        var folded = rune.Value switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => null,
        };

        if (folded is null)
        {
            builder.Append(rune.ToString());
        }
        else
        {
            builder.Append(folded);
        }
    }

    private static Dictionary<string, int[]> BuildVariantIndex()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < VariantClasses.Length; i++)
        {
            foreach (var token in VariantClasses[i])
            {
                if (!index.TryGetValue(token, out var classes))
                {
                    classes = [];
                    index[token] = classes;
                }

                classes.Add(i);
            }
        }

        return index.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    private static bool AreVariants(string x, string y)
    {
        if (!VariantClassesByToken.TryGetValue(x, out var xClasses)
            || !VariantClassesByToken.TryGetValue(y, out var yClasses))
        {
            return false;
        }

        foreach (var c in xClasses)
        {
            if (Array.IndexOf(yClasses, c) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AreEquivalent(string x, string y) => x == y || AreVariants(x, y);

    private static bool AreEquivalent(Token x, Token y) =>
        AreEquivalent(x.Plain, y.Plain) || x.Icao == y.Icao || x.Icao == y.Plain || x.Plain == y.Icao;

    private static PairKind CompareTokens(Token a, Token b)
    {
        if (AreEquivalent(a, b))
        {
            return PairKind.Strong;
        }

        var (x, y) = (a.Plain, b.Plain);

        if (x.Length >= MinTypoLength && y.Length >= MinTypoLength && IsOneEditApart(x, y))
        {
            return PairKind.Typo;
        }

        if ((x.Length == 1 && y.Length > 1 && y[0] == x[0]) || (y.Length == 1 && x.Length > 1 && x[0] == y[0]))
        {
            return PairKind.Initial;
        }

        return PairKind.None;
    }

    /// <summary>
    /// True when <paramref name="joined"/> splits into consecutive pieces, one per token of the run,
    /// each equal to (or a romanisation variant of) its token: "hyeonwoo" vs ["hyun", "woo"].
    /// </summary>
    private static bool SplitsInto(Token joined, Token[] tokens, int start, int count) =>
        SplitsInto(joined.Plain, [.. tokens.Select(t => t.Plain)], start, count)
        || (joined.Icao != joined.Plain && SplitsInto(joined.Icao, [.. tokens.Select(t => t.Icao)], start, count));

    private static bool SplitsInto(string joined, string[] tokens, int start, int count, int position = 0)
    {
        if (count == 0)
        {
            return position == joined.Length;
        }

        var remaining = joined.Length - position;
        for (var length = 1; length <= remaining - (count - 1); length++)
        {
            var piece = joined.Substring(position, length);
            if (AreEquivalent(piece, tokens[start]) && SplitsInto(joined, tokens, start + 1, count - 1, position + length))
            {
                return true;
            }
        }

        return false;
    }

    // Optimal string alignment distance == 1 (one insertion, deletion, substitution or adjacent swap).
    private static bool IsOneEditApart(string x, string y)
    {
        if (Math.Abs(x.Length - y.Length) > 1 || x == y)
        {
            return false;
        }

        var d = new int[x.Length + 1, y.Length + 1];
        for (var i = 0; i <= x.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= y.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            for (var j = 1; j <= y.Length; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[x.Length, y.Length] == 1;
    }

    private enum PairKind
    {
        None,
        Strong,
        Typo,
        Initial,
    }

    // One token on one side paired with a contiguous run (length >= 1) on the other side.
    private readonly record struct Pair(int LeftStart, int LeftCount, int RightStart, int RightCount, PairKind Kind);

    /// <summary>Exhaustive search over pairings of tokens; names are capped at 8 tokens so this stays small.</summary>
    private sealed class AlignmentSearch
    {
        private readonly Token[] left;
        private readonly Token[] right;
        private readonly List<Pair>[] pairsByLeftStart;
        private NameMatch best = NameMatch.Different;

        public AlignmentSearch(Token[] left, Token[] right)
        {
            this.left = left;
            this.right = right;
            pairsByLeftStart = BuildCandidatePairs();
        }

        public NameMatch Run()
        {
            Search(0, 0, 0, 0, 0, 0, false);
            return best;
        }

        private List<Pair>[] BuildCandidatePairs()
        {
            var pairs = new List<Pair>[left.Length];
            for (var i = 0; i < left.Length; i++)
            {
                pairs[i] = [];
            }

            for (var i = 0; i < left.Length; i++)
            {
                for (var j = 0; j < right.Length; j++)
                {
                    var kind = CompareTokens(left[i], right[j]);
                    if (kind != PairKind.None)
                    {
                        pairs[i].Add(new Pair(i, 1, j, 1, kind));
                    }

                    // A joined given name on one side against a run of split tokens on the other.
                    for (var count = 2; j + count <= right.Length; count++)
                    {
                        if (SplitsInto(left[i], right, j, count))
                        {
                            pairs[i].Add(new Pair(i, 1, j, count, PairKind.Strong));
                        }
                    }

                    for (var count = 2; i + count <= left.Length; count++)
                    {
                        if (SplitsInto(right[j], left, i, count))
                        {
                            pairs[i].Add(new Pair(i, count, j, 1, PairKind.Strong));
                        }
                    }
                }
            }

            return pairs;
        }

        private void Search(int leftIndex, int usedRight, int coveredLeft, int coveredRight, int strongPairs, int initialPairs, bool typoUsed)
        {
            if (best == NameMatch.Same)
            {
                return;
            }

            if (leftIndex == left.Length)
            {
                var outcome = Judge(coveredLeft, coveredRight, strongPairs, initialPairs, typoUsed);
                if (outcome < best)
                {
                    best = outcome;
                }

                return;
            }

            foreach (var pair in pairsByLeftStart[leftIndex])
            {
                var rightMask = ((1 << pair.RightCount) - 1) << pair.RightStart;
                if ((usedRight & rightMask) != 0 || (pair.Kind == PairKind.Typo && typoUsed))
                {
                    continue;
                }

                Search(
                    leftIndex + pair.LeftCount,
                    usedRight | rightMask,
                    coveredLeft + pair.LeftCount,
                    coveredRight + pair.RightCount,
                    strongPairs + (pair.Kind == PairKind.Initial ? 0 : 1),
                    initialPairs + (pair.Kind == PairKind.Initial ? 1 : 0),
                    typoUsed || pair.Kind == PairKind.Typo);
            }

            // Leave this token unmatched.
            Search(leftIndex + 1, usedRight, coveredLeft, coveredRight, strongPairs, initialPairs, typoUsed);
        }

        private NameMatch Judge(int coveredLeft, int coveredRight, int strongPairs, int initialPairs, bool typoUsed)
        {
            var leftComplete = coveredLeft == left.Length;
            var rightComplete = coveredRight == right.Length;

            if (leftComplete && rightComplete && initialPairs == 0 && !typoUsed)
            {
                return NameMatch.Same;
            }

            // Compatible: one side fully explained, at least two pairings, and not only initials.
            if ((leftComplete || rightComplete) && strongPairs + initialPairs >= 2 && strongPairs >= 1)
            {
                return NameMatch.Compatible;
            }

            return NameMatch.Different;
        }
    }
}
