using System.Text.RegularExpressions;

namespace HireVet.Application.ReferenceData.Banking;

/// <summary>One country's IBAN format: the total length and the pattern of the BBAN (everything after the country code
/// and the two check digits), whether SWIFT's IBAN Registry lists it (others are national formats ibantools knows
/// from central banks) and whether the country is in SEPA. The BBAN is split into <see cref="Segments"/> (4 letters,
/// then 14 digits) when its pattern is a plain run of character classes, which every ibantools pattern is; the
/// segments name where an IBAN departs from the format.</summary>
public sealed class IbanSpec
{
    private readonly Regex _bban;

    public IbanSpec(string country, int length, string bbanPattern, bool inIbanRegistry, bool sepa,
        (int Start, int End)? bankCode = null, (int Start, int End)? branchCode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(country);
        ArgumentException.ThrowIfNullOrEmpty(bbanPattern);
        if (length is < 5 or > 34) throw new FormatException($"{country}: an IBAN length of {length} is impossible (5 to 34).");
        Country = country;
        Length = length;
        BbanPattern = bbanPattern;
        InIbanRegistry = inIbanRegistry;
        Sepa = sepa;
        BankCode = bankCode;
        BranchCode = branchCode;
        // ibantools tests the pattern with RegExp.test next to a separate length check, and three of its patterns
        // lack an anchor (EG, VA, YE); the BBAN is held to the whole pattern, as the length check intends.
        var core = bbanPattern.TrimStart('^');
        if (core.EndsWith('$') && !core.EndsWith("\\$", StringComparison.Ordinal)) core = core[..^1];
        _bban = new Regex($"^(?:{core})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        Segments = BbanSegment.Split(core);
        if (Segments is not null && Segments.Sum(s => s.Count) != length - 4)
            throw new FormatException($"{country}: the BBAN pattern {bbanPattern} does not fit an IBAN of {length} characters.");
    }

    public string Country { get; }
    /// <summary>Characters in the whole IBAN, country code and check digits included.</summary>
    public int Length { get; }
    public string BbanPattern { get; }
    public bool InIbanRegistry { get; }
    public bool Sepa { get; }
    /// <summary>Where the bank code sits in the BBAN (0-based, inclusive), when ibantools says.</summary>
    public (int Start, int End)? BankCode { get; }
    public (int Start, int End)? BranchCode { get; }
    /// <summary>The BBAN as runs of one character class, or null when the pattern is something else.</summary>
    public IReadOnlyList<BbanSegment>? Segments { get; }

    /// <summary>The BBAN format in words: "4 letters, then 14 digits" (the pattern itself when it cannot be
    /// put in words).</summary>
    public string Format => Segments is null ? BbanPattern : string.Join(", then ", Segments.Select(s => s.Describe()));

    public bool BbanMatches(string bban) => _bban.IsMatch(bban);

    /// <summary>The first position of the BBAN (0-based) whose character the format does not allow, with the class it
    /// should be; null when every character fits (or the pattern has no segments).</summary>
    public (int Position, BbanSegment Expected)? FirstMismatch(string bban)
    {
        if (Segments is null) return null;
        var position = 0;
        foreach (var segment in Segments)
        {
            for (var i = 0; i < segment.Count && position < bban.Length; i++, position++)
            {
                if (!segment.Allows(bban[position])) return (position, segment);
            }
        }

        return null;
    }

    /// <summary>"the bank code" or "the branch code" when the BBAN position falls inside one; null otherwise.</summary>
    public string? PartAt(int position) =>
        BankCode is { } bank && position >= bank.Start && position <= bank.End ? "the bank code"
        : BranchCode is { } branch && position >= branch.Start && position <= branch.End ? "the branch code"
        : null;
}
