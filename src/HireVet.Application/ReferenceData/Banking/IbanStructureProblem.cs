namespace HireVet.Application.ReferenceData.Banking;

/// <summary>Why an IBAN does not fit its country's format: the country has no IBANs, the code is no country, or the
/// length or the BBAN is wrong (with the expected format in <see cref="Spec"/>).</summary>
public sealed record IbanStructureProblem(string Kind, string Country, int ActualLength, IbanSpec? Spec)
{
    public const string NoIban = "country has no IBAN";
    public const string UnknownCountry = "not a country code";
    public const string WrongLength = "wrong length";
    public const string WrongBban = "wrong BBAN format";

    /// <summary>The first BBAN position (0-based) holding a character the format does not allow.</summary>
    public int? Position { get; init; }

    /// <summary>What the character at <see cref="Position"/> should be.</summary>
    public BbanSegment? Expected { get; init; }

    /// <summary>The position in the IBAN as a reader counts it (1-based, country code included).</summary>
    public int? IbanPosition => Position + 5;

    /// <summary>What is wrong, as the end of a sentence about the IBAN.</summary>
    public string Describe() => Kind switch
    {
        NoIban => $"{Country} has no IBANs: its banks use national account numbers",
        UnknownCountry => $"{Country} is not the code of a country that issues IBANs",
        WrongLength => $"it has {ActualLength} characters where {Country} IBANs have {Spec!.Length}",
        _ => $"{Country} IBANs have {Spec!.Format} after the country code and check digits{Where()}",
    };

    private string Where()
    {
        if (Position is not { } position || Expected is not { } expected) return "";
        var part = Spec!.PartAt(position) is { } name ? $", in {name}," : "";
        return $", but character {IbanPosition}{part} is not {expected.DescribeOne()}";
    }
}
