using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Identity;

/// <summary>The ordinary reason a name found in the dossier (on the document, the payee account, the shipping label)
/// may differ from every name the candidate declared: it is a declared name with the name at one end replaced by
/// another of the same length (a married or maiden surname, one word or two as in "Sánchez Jiménez"), or with the given
/// name replaced (a nickname or a preferred name). The rest must still be the same name by the matcher, in any
/// romanisation or written together ("YEJIN" for "Ye-jin"), at either end, as documents print family names first. The
/// finding stays, graded lower and worded as a question: it compares letters only, never who someone is.</summary>
internal static class NameChange
{
    public const string Causes = "a married or maiden surname, a nickname or a preferred given name";

    /// <summary>The declared name the found one differs from in one name only, or null when it differs more.</summary>
    public static string? DiffersInOneName(Dossier d, string found)
    {
        var theirs = Tokens(found);
        if (theirs.Length < 2) return null;
        return CandidateNames.Declared(d).FirstOrDefault(declared => OneNameApart(Tokens(declared), theirs));
    }

    private static bool OneNameApart(string[] mine, string[] theirs)
    {
        if (mine.Length < 2) return false;
        for (var k = 1; k <= 2; k++)
            foreach (var left in Remainders(mine, k))
                foreach (var right in Remainders(theirs, k))
                    if (NameMatcher.Compare(left, right) != NameMatch.Different) return true;
        // A preferred given name of another length ("Kate Byrne" for "Katherine Anne Byrne"): the family end agrees.
        return Remainders(mine, 1).Concat(Remainders(mine, 2)).Any(left => Remainders(theirs, 1).Any(right => NameMatcher.Compare(left, right) == NameMatch.Same))
               && mine.Length > theirs.Length;
    }

    /// <summary>The name without k words at its start, and without k words at its end (never empty).</summary>
    private static IEnumerable<string> Remainders(string[] tokens, int k)
    {
        if (tokens.Length <= k) yield break;
        yield return string.Join(' ', tokens[k..]);
        yield return string.Join(' ', tokens[..^k]);
    }

    private static string[] Tokens(string name) => NameMatcher.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
