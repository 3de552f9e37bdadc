using System.Text.RegularExpressions;

namespace HireVet.Application.Checks.PostHire;

/// <summary>Finds a product in a software or device name by whole words, so "TeamViewer 15.48 (64-bit)",
/// "teamviewer_host" and "Team Viewer" all name TeamViewer but "SteamViewer" or "myteamviewerclone" do not. A name is
/// cut into words at anything that is not a letter or digit, at a change from lower to upper case
/// ("AnyDesk" → any, desk), before the last capital of a run of capitals ("DWAgent" → dw, agent) and between letters
/// and digits; a product (written as one lower-case word, "anydesk") matches a run of consecutive words that spell it.</summary>
internal static partial class ProductNames
{
    public static string[] Words(string name) =>
        [.. Separators().Split(CaseChanges().Replace(name, " ")).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant())];

    public static bool Names(string[] words, string product)
    {
        for (var start = 0; start < words.Length; start++)
        {
            var spelled = "";
            for (var end = start; end < words.Length && spelled.Length < product.Length; end++)
            {
                spelled += words[end];
                if (spelled == product) return true;
            }
        }
        return false;
    }

    /// <summary>The first product of the list the name names, as (product, display name).</summary>
    public static (string Product, string Display)? Find(string name, IReadOnlyList<(string Product, string Display)> products)
    {
        var words = Words(name);
        foreach (var p in products)
            if (Names(words, p.Product)) return p;
        return null;
    }

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{Nd})|(?<=\p{Nd})(?=\p{L})")]
    private static partial Regex CaseChanges();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex Separators();
}
