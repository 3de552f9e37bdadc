using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;

namespace HireVet.Application.Checks.Contact;

/// <summary>
/// ID-01 (contact information inconsistent with the claimed location), from the candidate's phone number and Google's
/// numbering-plan metadata. Nothing is looked up: a number's country is where it was issued, not where its user is.
/// <list type="bullet">
/// <item>A North Korean number (+850): high, whatever the claimed residence. Such numbers are issued only on the DPRK's
/// own networks, so this is the phone counterpart of an address in the DPRK's IP block (NET-08 high).</item>
/// <item>A location-independent number (VoIP such as the UK's 056 range or Canada's 600, a personal "follow-me" number,
/// or a non-geographic code such as +882/+883): low. The catalogue names no VoIP indicator, VoIP numbers are common
/// and lawful, and the metadata can only recognise them in the 94 regions that define a VoIP range (not the US, where
/// Google Voice numbers look geographic), so a heavier weight would fall unevenly by the country of the number - a
/// national-origin proxy (indicators.md §4). It tells a reviewer the number cannot corroborate the claimed location.</item>
/// <item>A number issued in a country other than the claimed residence: low. Many honest people keep the number of a
/// country they lived in before (relocation, the "data errors" §4.8 asks to let candidates correct), so the mismatch is
/// context for other signals, never a finding on its own.</item>
/// </list>
/// Not evaluated without a phone number, without a claimed country (except for +850), when the metadata is missing, or
/// when the number cannot be placed in a country (unknown calling code, or a shared code such as +1 whose regions'
/// patterns it does not match). The E.164 number is shown in the evidence: phone numbers are not encrypted at rest.
/// </summary>
public sealed class PhoneCountryCheck : ICheck
{
    public const string Dprk = "KP";

    public string Name => "phone-country";
    public string[] Indicators => ["ID-01"];

    public CheckResult Run(VettingContext context)
    {
        var d = context.Dossier;
        if (d.Phone is not { Length: > 0 } phone) return CheckResult.NotEvaluated("The dossier has no phone number.");
        if (context.Reference.Get<PhoneMetadata>(Datasets.PhoneMetadata) is not { } metadata)
            return CheckResult.NotEvaluated(context.Reference.Unavailable(Datasets.PhoneMetadata));
        if (metadata.Describe(phone) is not { } info)
            return CheckResult.NotEvaluated($"The phone number {phone} has no calling code known to the numbering-plan metadata.");

        var claimed = d.ClaimedResidence?.Country is { Length: > 0 } c ? c : null;
        if (info.Country == Dprk)
            return CheckResult.Fired(new RawSignal("ID-01", Severity.High,
                $"The candidate's phone number {phone} is a North Korean (+850) number{(claimed is null || claimed == Dprk ? "" : $", while the candidate claims to live in {claimed}")}.",
                Evidence(phone, info, claimed)));

        if (claimed is null) return CheckResult.NotEvaluated("The dossier has no claimed country of residence.");

        if (info.IsLocationIndependent)
            return CheckResult.Fired(new RawSignal("ID-01", Severity.Low,
                $"The candidate's phone number {phone} is a {Describe(info)}; it can be used from anywhere, so it cannot corroborate the claimed residence ({claimed}): context only.",
                Evidence(phone, info, claimed)));

        if (info.Country is null)
            return CheckResult.NotEvaluated($"The phone number {phone} matches none of the regions sharing calling code +{info.CallingCode} ({string.Join(", ", info.PossibleCountries)}).");

        if (info.Country == claimed) return CheckResult.NotFired;
        return CheckResult.Fired(new RawSignal("ID-01", Severity.Low,
            $"The candidate's phone number {phone} is a {Describe(info)}, but the candidate claims to live in {claimed}. People often keep the number of a country they lived in before, so this is context only.",
            Evidence(phone, info, claimed)) { Place = info.Country });
    }

    /// <summary>"VoIP number issued in GB", "mobile number issued in US", "number under the non-geographic code +882".</summary>
    private static string Describe(PhoneInfo info)
    {
        var type = info.Type switch
        {
            PhoneNumberTypes.Voip => "VoIP number",
            PhoneNumberTypes.FixedLineOrMobile => "fixed-line or mobile number",
            PhoneNumberTypes.PersonalNumber => "personal (follow-me) number",
            PhoneNumberTypes.Uan => "universal access number",
            PhoneNumberTypes.Unknown => "number",
            _ => info.Type.Replace('_', ' ') + " number",
        };
        return info.Country is { } country ? $"{type} issued in {country}"
            : info.PossibleCountries.Length == 0 ? $"{type} under the non-geographic code +{info.CallingCode}"
            : type;
    }

    private static JsonObject Evidence(string phone, PhoneInfo info, string? claimed) => new()
    {
        ["phone"] = phone,
        ["callingCode"] = info.CallingCode,
        ["numberCountry"] = info.Country,
        ["regionsSharingCallingCode"] = info.PossibleCountries.Length > 1 ? new JsonArray([.. info.PossibleCountries.Select(r => (JsonNode)r)]) : null,
        ["numberType"] = info.Type,
        ["validNumber"] = info.ValidPattern,
        ["claimedCountry"] = claimed,
    };
}
