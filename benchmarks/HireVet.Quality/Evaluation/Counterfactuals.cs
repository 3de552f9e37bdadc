using System.Net;
using System.Text.Json.Nodes;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Addresses;
using HireVet.Application.Vetting.Names;
using HireVet.Quality.Corpus;

namespace HireVet.Quality.Evaluation;

/// <summary>Check changes the report proposes, applied to the stored signals so that their effect is measured before
/// anyone writes them:
/// <list type="bullet">
/// <item>Household: LINK-04/LINK-06 (and LINK-09 built on them) not raised when at most three other candidates share
/// them who claim the same residence, while the laptop ships to that residence. A laptop farm ships elsewhere.</item>
/// <item>Travel clock: NET-09 not raised when every far-off device time zone is the zone of the country the IP is
/// registered in (the laptop followed its owner abroad). A worker's Shanghai clock on a US or VPN address still fires.</item>
/// <item>Referral: a new LINK-09 (medium) when the candidate was referred by a flagged candidate, matched by the
/// referrer's candidate id (which the dossier would have to carry) or, as today's dossier allows, by name.</item>
/// <item>Mainland ISPs: NET-08 for a Chinese or Russian ISP graded high rather than medium, and a sighting in the
/// DPRK block graded critical (it is high, 70, today).</item>
/// <item>Names: the name checks (ID-01 document, PAY-04 payee, SHIP-01 recipient) also compare the German ICAO
/// spellings (ä/ö/ü/ß as ae/oe/ue/ss), and a payee who is the candidate is screened against the SDN list with the
/// candidate's date of birth and country, as the legal name is.</item>
/// <item>Camera: INT-01 (high) when the camera was off in every interview, which the dossier records and no check reads.</item>
/// </list></summary>
public sealed class Counterfactuals
{
    public const int MaxHousemates = 3;

    private readonly Dictionary<string, string?> _home = [];
    private readonly HashSet<string> _shipsHome = [];
    private readonly NetworkIntelligence _network;
    private readonly Dictionary<string, string> _zoneCountry;

    private readonly SanctionsIndex? _sdn;

    public Counterfactuals(IEnumerable<Labelled> corpus, NetworkIntelligence network, SanctionsIndex? sdn)
    {
        _sdn = sdn;
        foreach (var l in corpus)
        {
            var home = Key(l.Dossier.ClaimedResidence);
            _home[l.ExternalId] = home;
            if (home is not null && home == Key(l.Dossier.EquipmentShipping?.Address)) _shipsHome.Add(l.ExternalId);
        }
        _network = network;
        // IANA's zone.tab: "DE\t+5230+01322\tEurope/Berlin". A zone names one country there.
        _zoneCountry = File.ReadLines("/usr/share/zoneinfo/zone.tab")
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 3)
            .ToDictionary(p => p[2], p => p[0]);
    }

    private static string? Key(Application.Candidates.PostalAddress? a) =>
        a is null ? null : AddressNormalizer.Normalize(new AddressParts(a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country));

    public Scored WithoutHouseholdLinks(Scored s)
    {
        var me = s.Label.ExternalId;
        if (!_shipsHome.Contains(me) || _home[me] is not { } home) return s;
        bool Housemates(JsonArray? others) =>
            others is { Count: > 0 and <= MaxHousemates } && others.All(o => o?["externalId"]?.GetValue<string>() is { } id && _home.GetValueOrDefault(id) == home);
        var kept = s.Signals.Where(x => !(x.IndicatorId is "LINK-04" or "LINK-06" && Housemates(x.Evidence["otherCandidates"] as JsonArray))
                                        && !(x.IndicatorId == "LINK-09" && Housemates(x.Evidence["members"] as JsonArray))).ToArray();
        return kept.Length == s.Signals.Count ? s : s with { Signals = kept };
    }

    public Scored WithoutTravelClock(Scored s)
    {
        var kept = s.Signals.Where(x => !(x.IndicatorId == "NET-09" && x.Evidence["observations"] is JsonArray { Count: > 0 } seen && seen.All(Consistent))).ToArray();
        return kept.Length == s.Signals.Count ? s : s with { Signals = kept };
    }

    /// <summary>The flagged candidates, by external id and by normalised legal name.</summary>
    public static (HashSet<string> Ids, ILookup<string, string> Names) Flagged(IEnumerable<Scored> rows)
    {
        var flagged = rows.Where(r => r.Flagged).ToArray();
        return ([.. flagged.Select(r => r.Label.ExternalId)],
                flagged.ToLookup(r => NameMatcher.Normalize(r.Label.Dossier.LegalName ?? ""), r => r.Label.ExternalId));
    }

    public static Scored WithReferral(Scored s, (HashSet<string> Ids, ILookup<string, string> Names) flagged, bool byName)
    {
        if (s.Label.Dossier.ReferredBy is not { Length: > 0 } referrer) return s;
        var who = byName
            ? flagged.Names[NameMatcher.Normalize(referrer)].Where(id => id != s.Label.ExternalId).ToArray()
            : s.Label.ReferrerExternalId is { } id && flagged.Ids.Contains(id) ? [id] : [];
        if (who.Length == 0) return s;
        return s with
        {
            Signals = [.. s.Signals, new Signal
            {
                IndicatorId = "LINK-09", Check = "referral (proposed)", Severity = Severity.Medium,
                Explanation = $"Referred by {referrer}, {(byName ? "the name of" : "")} {who.Length} flagged candidate(s).",
                Evidence = new JsonObject { ["referredBy"] = referrer, ["flaggedCandidates"] = new JsonArray([.. who.Select(w => (JsonNode)w)]) },
            }],
        };
    }

    public static Scored WithCameraCheck(Scored s) =>
        s.Label.Dossier.Interviews is { Length: > 0 } interviews && interviews.All(i => i.CameraOn == false)
            ? s with
            {
                Signals = [.. s.Signals, new Signal
                {
                    IndicatorId = "INT-01", Check = "camera (proposed)", Severity = Severity.High,
                    Explanation = $"The camera was off in all {interviews.Length} interview(s).",
                    Evidence = new JsonObject { ["interviews"] = interviews.Length, ["cameraOff"] = interviews.Length },
                }],
            }
            : s;

    public static Scored WithMainlandIspsGraded(Scored s) => s with
    {
        Signals = [.. s.Signals.Select(x => x.IndicatorId != "NET-08" ? x
            : x.Severity == Severity.High ? x with { Severity = Severity.Critical }
            : x.Evidence["addresses"] is JsonArray seen && seen.Any(a => a?["registeredCountry"]?.GetValue<string>() is "CN" or "RU") ? x with { Severity = Severity.High }
            : x)],
    };

    private static readonly string[] NameChecks = ["payee-name", "shipping-recipient", "identity-document-name"];

    public Scored WithNameHandling(Scored s)
    {
        var d = s.Label.Dossier;
        var declared = new[] { d.LegalName ?? "" }.Concat(d.OtherNames ?? []).ToArray();
        bool Ours(string? name) => name is not null && declared.Any(n => NameMatcher.Compare(Icao(n), Icao(name)) != NameMatch.Different);
        var signals = new List<Signal>();
        foreach (var x in s.Signals)
        {
            if (NameChecks.Contains(x.Check) && Ours((x.Evidence["accountHolderName"] ?? x.Evidence["recipientName"] ?? x.Evidence["nameOnDocument"])?.GetValue<string>()))
                continue;
            if (x.Check == "sanctions-screening" && x.Evidence["field"]?.GetValue<string>() == "payroll account holder"
                && x.Evidence["screened"]?.GetValue<string>() is { } holder && Ours(holder)
                && Rescreened(holder, d, x.Evidence["sdn"]?["profileId"]?.ToString()) is { } severity)
            {
                signals.Add(x with { Severity = severity });
                continue;
            }
            signals.Add(x);
        }
        return signals.Count == s.Signals.Count && signals.SequenceEqual(s.Signals) ? s : s with { Signals = signals };
    }

    /// <summary>The severity SanctionsScreeningCheck gives a name hit, with the candidate's date of birth and country.</summary>
    private string? Rescreened(string holder, Application.Candidates.Dossier d, string? profileId)
    {
        var hit = _sdn?.Screen(holder, d.DateOfBirth?.ToString("yyyy-MM-dd"), d.ClaimedResidence?.Country)
            .FirstOrDefault(h => profileId is null || h.Entry.ProfileId.ToString() == profileId);
        return hit is null ? null
            : hit.DateOfBirthAgreement == SanctionsHit.Mismatch ? Severity.Medium
            : hit.Entry.IsDprkProgram || hit.DateOfBirthAgreement == SanctionsHit.Match ? Severity.Critical
            : Severity.High;
    }

    private static string Icao(string name) => name
        .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("Ä", "Ae").Replace("Ö", "Oe").Replace("Ü", "Ue").Replace("ß", "ss");

    private bool Consistent(JsonNode? observation)
    {
        if (observation?["ip"]?.GetValue<string>() is not { } ip || !IPAddress.TryParse(ip, out var address)) return false;
        if (observation["deviceTimeZone"]?.GetValue<string>() is not { } zone || !_zoneCountry.TryGetValue(zone, out var zoneCountry)) return false;
        var info = _network.Enrich(address);
        return !info.IsVpn && !info.IsHosting && info.Country == zoneCountry;
    }
}
