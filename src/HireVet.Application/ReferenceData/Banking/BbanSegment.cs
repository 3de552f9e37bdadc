using System.Text.RegularExpressions;

namespace HireVet.Application.ReferenceData.Banking;

/// <summary>A run of one character class in a BBAN pattern: <c>[A-Z]{4}</c> is four letters.</summary>
public sealed partial record BbanSegment(BbanCharacters Characters, int Count)
{
    public bool Allows(char c) => Characters switch
    {
        BbanCharacters.Digits => char.IsAsciiDigit(c),
        BbanCharacters.Letters => char.IsAsciiLetterUpper(c),
        _ => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c),
    };

    public string Describe() => Characters switch
    {
        BbanCharacters.Digits => Count == 1 ? "1 digit" : $"{Count} digits",
        BbanCharacters.Letters => Count == 1 ? "1 letter" : $"{Count} letters",
        _ => Count == 1 ? "1 letter or digit" : $"{Count} letters or digits",
    };

    /// <summary>What one character of this segment must be: "a digit", "a letter", "a letter or digit".</summary>
    public string DescribeOne() => Characters switch
    {
        BbanCharacters.Digits => "a digit",
        BbanCharacters.Letters => "a letter",
        _ => "a letter or digit",
    };

    /// <summary>The segments of an unanchored pattern such as <c>[A-Z]{4}[0-9]{14}</c>; null when the pattern is
    /// anything but runs of [0-9], [A-Z] and [A-Z0-9] (in either order) with fixed counts.</summary>
    public static IReadOnlyList<BbanSegment>? Split(string pattern)
    {
        var segments = new List<BbanSegment>();
        var at = 0;
        foreach (Match m in SegmentPattern().Matches(pattern))
        {
            if (m.Index != at) return null;
            at = m.Index + m.Length;
            BbanCharacters? kind = m.Groups["class"].Value switch
            {
                "0-9" => BbanCharacters.Digits,
                "A-Z" => BbanCharacters.Letters,
                "A-Z0-9" or "0-9A-Z" => BbanCharacters.LettersOrDigits,
                _ => null,
            };
            if (kind is null) return null;
            segments.Add(new BbanSegment(kind.Value, m.Groups["count"].Success ? int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1));
        }

        return at == pattern.Length && segments.Count > 0 ? segments : null;
    }

    [GeneratedRegex(@"\[(?<class>[^\]]*)\](?:\{(?<count>[0-9]{1,2})\})?")]
    private static partial Regex SegmentPattern();
}

public enum BbanCharacters
{
    Digits,
    Letters,
    LettersOrDigits,
}
