namespace HireVet.Application.ReferenceData.Contact;

/// <summary>What the numbering-plan metadata says about one E.164 number.</summary>
/// <param name="CallingCode">The country calling code, without "+": "1", "44", "850".</param>
/// <param name="PossibleCountries">The ISO 3166-1 alpha-2 regions sharing the calling code, main region first
/// ("1" → US, AG, AI, ..., CA, ...). Empty for non-geographic codes such as +800 or +882.</param>
/// <param name="Country">The region the number belongs to: the only region of its calling code, or, when the code is
/// shared, the first region whose leading digits or number patterns match (+1 415 → US, +1 416 → CA). Null when the
/// code is non-geographic or no region of a shared code matches.</param>
/// <param name="Type">One of <see cref="PhoneNumberTypes"/>; <see cref="PhoneNumberTypes.Unknown"/> when the number
/// matches no pattern of its region.</param>
/// <param name="ValidPattern">True when the national number fully matches its region's national number pattern and
/// the pattern of one number type (libphonenumber's "valid number").</param>
public sealed record PhoneInfo(string CallingCode, string[] PossibleCountries, string? Country, string Type, bool ValidPattern)
{
    /// <summary>The national (significant) number: the digits after the calling code.</summary>
    public string NationalNumber { get; init; } = "";

    /// <summary>True for numbers that are not tied to where their user is: VoIP and personal (follow-me) numbers, and
    /// numbers under a non-geographic calling code (+800, +808, +870, +878, +881, +882, +883, +888, +979).</summary>
    public bool IsLocationIndependent =>
        Type is PhoneNumberTypes.Voip or PhoneNumberTypes.PersonalNumber || PossibleCountries.Length == 0;
}

/// <summary>The number types of Google's libphonenumber, in snake case.</summary>
public static class PhoneNumberTypes
{
    public const string FixedLine = "fixed_line";
    public const string Mobile = "mobile";
    /// <summary>The region does not tell fixed lines and mobiles apart (the US and the rest of the NANP).</summary>
    public const string FixedLineOrMobile = "fixed_line_or_mobile";
    public const string TollFree = "toll_free";
    public const string PremiumRate = "premium_rate";
    public const string SharedCost = "shared_cost";
    public const string Voip = "voip";
    public const string PersonalNumber = "personal_number";
    public const string Pager = "pager";
    public const string Uan = "uan";
    public const string Voicemail = "voicemail";
    public const string Unknown = "unknown";
}
