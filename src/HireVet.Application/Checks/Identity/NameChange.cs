using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.Identity;

/// <summary>The ordinary reason a name found in the dossier (on the document, the payee account, the shipping label)
/// may differ from every name the candidate declared: it agrees with one of them in every name but one. That is how a
/// married or maiden surname, a nickname or a preferred given name looks, the causes applicant-tracking vendors list for
/// identity mismatches. The finding stays, graded lower and worded as a question, never dropped: it compares letters
/// only, never who someone is.</summary>
internal static class NameChange
{
    public const string Causes = "a married or maiden surname, a nickname or a preferred given name";

    /// <summary>The declared name the found one differs from in a single name, or null when it differs more.</summary>
    public static string? DiffersInOneName(Dossier d, string found)
    {
        var theirs = Tokens(found);
        if (theirs.Length < 2) return null;
        foreach (var declared in CandidateNames.Declared(d))
        {
            var mine = Tokens(declared);
            var unmatched = theirs.Count(t => !mine.Any(m => NameMatcher.Compare(m, t) == NameMatch.Same));
            var shared = theirs.Length - unmatched;
            if (unmatched == 1 && shared * 2 >= theirs.Length) return declared;
        }
        return null;
    }

    private static string[] Tokens(string name) =>
        NameMatcher.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length > 1).ToArray();
}
