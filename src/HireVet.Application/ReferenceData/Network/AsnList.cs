using System.Collections.Frozen;
using System.Globalization;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// A list of autonomous system numbers with a free-text name per ASN, in the X4BNet <c>input/*/ASN.txt</c> format:
/// one <c>AS9009 # M247, GB (NordVPN)</c> per line (space or tab before <c>#</c>; the comment is optional; the
/// <c>AS</c> prefix is case-insensitive and may be omitted). Blank and <c>#</c>-only lines are skipped. An ASN that
/// appears more than once keeps its first non-empty comment. Instances are immutable and thread-safe.
/// </summary>
public sealed class AsnList
{
    private readonly FrozenDictionary<int, string?> _names;

    private AsnList(FrozenDictionary<int, string?> names, int lines)
    {
        _names = names;
        SourceLines = lines;
    }

    public static AsnList Empty { get; } = new(FrozenDictionary<int, string?>.Empty, 0);

    /// <summary>Distinct ASNs.</summary>
    public int Count => _names.Count;

    /// <summary>ASN lines read (duplicates included).</summary>
    public int SourceLines { get; }

    public IEnumerable<int> Asns => _names.Keys;

    public bool Contains(int asn) => _names.ContainsKey(asn);

    /// <summary>The comment given for the ASN (typically the provider name), or null when unlisted or uncommented.</summary>
    public string? NameOf(int asn) => _names.TryGetValue(asn, out var name) ? name : null;

    /// <summary>Parses ASN lines; throws <see cref="FormatException"/> naming the line for anything unparseable.</summary>
    public static AsnList Parse(IEnumerable<string> lines) => Parse(lines, "input");

    /// <summary>Parses the lines of the named source (a file path in error messages).</summary>
    public static AsnList Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var names = new Dictionary<int, string?>();
        var lineNumber = 0;
        var asnLines = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var text = line.AsSpan();
            string? comment = null;
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                var commentText = text[(hash + 1)..].Trim();
                comment = commentText.IsEmpty ? null : commentText.ToString();
                text = text[..hash];
            }

            text = text.Trim();
            if (text.IsEmpty)
            {
                continue;
            }

            if (text.StartsWith("AS", StringComparison.OrdinalIgnoreCase))
            {
                text = text[2..];
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
            {
                throw new FormatException($"{source}, line {lineNumber}: '{line}' is not an ASN line (expected 'AS<number> # comment').");
            }

            asnLines++;
            if (!names.TryGetValue(asn, out var existing))
            {
                names.Add(asn, comment);
            }
            else if (existing is null && comment is not null)
            {
                names[asn] = comment;
            }
        }

        return new AsnList(names.ToFrozenDictionary(), asnLines);
    }
}
