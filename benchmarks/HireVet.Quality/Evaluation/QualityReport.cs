using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HireVet.Application.Checks;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using HireVet.Application.Vetting.Scoring;
using HireVet.Quality.Corpus;

namespace HireVet.Quality.Evaluation;

/// <summary>Everything the run measured, as Markdown: the targets first, then the breakdowns that explain them.</summary>
public sealed class QualityReport
{
    public required Options Options { get; init; }
    public required Ruleset Ruleset { get; init; }
    public required IReadOnlyList<string> ReferenceData { get; init; }
    public required IReadOnlyList<Scored> Scored { get; init; }
    public required Metrics Metrics { get; init; }
    public required FairnessCheck.Result Fairness { get; init; }
    public required ResumeSimilarity Resumes { get; init; }
    public required IReadOnlyList<Measured> Scenarios { get; init; }
    public required IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings { get; init; }
    public required int Vettings { get; init; }

    public sealed record Measured(Scenario Scenario, Metrics Metrics, IReadOnlyList<string> FairnessDiffering)
    {
        /// <summary>Every candidate under the scenario, in corpus order (for the band changes against the current run).</summary>
        public IReadOnlyList<Scored> Rows { get; init; } = [];

        public bool AllMet => Metrics.RecallMet && Metrics.HonestHighMet && Metrics.HonestFlaggedMet && Metrics.EvidenceMet && FairnessDiffering.Count == 0
                              && Metrics.HardCasesMet && Metrics.OriginGapMet;
    }

    /// <summary>One line per target not met, for the console.</summary>
    public IEnumerable<string> Missed()
    {
        if (!Metrics.RecallMet) yield return $"MISSED: ring members in review or high {Pct(Metrics.Recall)} (target ≥ {Pct(Metrics.RecallTarget)})";
        if (!Metrics.HonestHighMet) yield return $"MISSED: honest candidates in high {Pct(Metrics.HonestHigh)} (target ≤ {Pct(Metrics.HonestHighTarget)})";
        if (!Metrics.HonestFlaggedMet) yield return $"MISSED: honest candidates in review or high {Pct(Metrics.HonestFlagged)} (target ≤ {Pct(Metrics.HonestFlaggedTarget)})";
        if (Fairness.Differing.Count > 0) yield return $"MISSED: {Fairness.Differing.Count} of {Fairness.Pairs.Count} name-swapped pairs got a different band (target 0)";
        if (!Metrics.HardCasesMet) yield return $"MISSED: honest hard case {Metrics.WorstHardCase.Name} in review or high {Pct(Metrics.WorstHardCase.Bands.FlaggedShare)} (target ≤ {Pct(Metrics.HardCaseTarget)} for every case)";
        if (!Metrics.OriginGapMet) yield return $"MISSED: honest flag rates by name origin {Pp(Metrics.OriginGap)} apart (target ≤ {Pp(Metrics.OriginGapTarget)})";
        foreach (var t in Metrics.TacticsMissedAlone) yield return $"MISSED: {t.Name} as a member's only tactic caught in {Pct(t.Bands.FlaggedShare)} (target: every one)";
        if (!Metrics.EvidenceMet) yield return $"MISSED: {Metrics.FlaggedWithoutEvidence.Count} flagged candidates have no weighted signal with evidence (target 0)";
    }

    private static readonly (string Id, string Check, string Modelled)[] NewChecks =
    [
        ("LINK-12", "shared-network-with-reference", "ring tactic self-reference; honest colleague-reference"),
        ("ID-19", "dormant-profile", "no: no profile activity summaries generated"),
        ("ID-18", "identity-verification", "no: results arrive through their own intake"),
        ("NET-06", "ip-kvm-hardware", "no: post-hire"),
        ("NET-15", "multiple-remote-tools", "no: post-hire"),
        ("NET-16", "input-latency", "no: post-hire"),
        ("NET-17", "long-meeting-sessions", "no: post-hire"),
        ("LINK-13", "onboarding-stand-in", "no: post-hire"),
    ];

    private static string Pp(double share) => $"{share * 100:0.0} pp";

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var honest = Metrics.Honest;
        var ring = Metrics.Ring;
        md.AppendLine($"# HireVet quality on a labelled corpus, {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        md.AppendLine();
        md.AppendLine($"Command: `dotnet run -c Release --project benchmarks/HireVet.Quality -- --honest {Options.Honest} --rings {Options.Rings} --seed {Options.Seed} --date {Options.Date:yyyy-MM-dd}`. " +
                      $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}.");
        md.AppendLine();
        md.AppendLine($"Corpus: {honest.Total} honest candidates and {ring.Total} members of {Options.Rings} fraud rings, generated from seed {Options.Seed} " +
                      $"for {Options.Date:yyyy-MM-dd} (see benchmarks/HireVet.Quality/Corpus). Every dossier went through `SubmitCandidate` and `VetCandidates` " +
                      $"on a private PostgreSQL ({Vettings} vettings). Ruleset {Ruleset.Version} (sha256 {Ruleset.Hash[..12]}…), bands: review ≥ {Ruleset.ReviewThreshold}, high ≥ {Ruleset.HighThreshold}.");
        md.AppendLine();
        md.AppendLine($"Reference data: {string.Join("; ", ReferenceData)}.");
        md.AppendLine();

        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | goal | met |");
        md.AppendLine("|---|---|---|---|");
        Row(md, "Ring members in review or high (recall)", $"{Pct(Metrics.Recall)} ({ring.Review + ring.High} of {ring.Total})", $"≥ {Pct(Metrics.RecallTarget)}", Metrics.RecallMet);
        Row(md, "Honest candidates in high", $"{Pct(Metrics.HonestHigh)} ({honest.High} of {honest.Total})", $"≤ {Pct(Metrics.HonestHighTarget)}", Metrics.HonestHighMet);
        Row(md, "Honest candidates in review or high", $"{Pct(Metrics.HonestFlagged)} ({honest.Review + honest.High} of {honest.Total})", $"≤ {Pct(Metrics.HonestFlaggedTarget)}", Metrics.HonestFlaggedMet);
        Row(md, "Every honest hard case in review or high", $"worst: {Metrics.WorstHardCase.Name} {Pct(Metrics.WorstHardCase.Bands.FlaggedShare)}", $"≤ {Pct(Metrics.HardCaseTarget)} each", Metrics.HardCasesMet);
        Row(md, "Honest flag rates by name origin, widest gap", $"{Pp(Metrics.OriginGap)} ({string.Join(", ", Metrics.Origins.Select(o => $"{o.Name} {Pct(o.Bands.FlaggedShare)}"))})", $"≤ {Pp(Metrics.OriginGapTarget)}", Metrics.OriginGapMet);
        Row(md, "Ring tactics caught when a member's only tactic", Metrics.TacticsMissedAlone.Count == 0 ? "all" : $"missed in part: {string.Join(", ", Metrics.TacticsMissedAlone.Select(t => $"{t.Name} {Pct(t.Bands.FlaggedShare)}"))}", "every one", Metrics.TacticsMissedAlone.Count == 0);
        Row(md, "Name-swapped pairs with different bands", $"{Fairness.Differing.Count} of {Fairness.Pairs.Count}", "0", Fairness.Differing.Count == 0);
        Row(md, "Flagged candidates with a weighted signal carrying evidence", $"{Pct(Metrics.EvidenceShare)} ({Metrics.FlaggedTotal - Metrics.FlaggedWithoutEvidence.Count} of {Metrics.FlaggedTotal})", "100%", Metrics.EvidenceMet);
        md.AppendLine();

        md.AppendLine("## Bands");
        md.AppendLine();
        md.AppendLine("| group | n | clear | review | high | review or high |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, b) in new[] { ("honest", honest), ("ring members", ring) })
            md.AppendLine($"| {name} | {b.Total} | {b.Clear} ({Pct(Share(b.Clear, b))}) | {b.Review} ({Pct(Share(b.Review, b))}) | {b.High} ({Pct(Share(b.High, b))}) | {Pct(b.FlaggedShare)} |");
        md.AppendLine();
        md.AppendLine("Score distribution (candidates per score range):");
        md.AppendLine();
        var ranges = new[] { (0, 0), (1, 14), (15, 29), (30, 49), (50, 69), (70, 99), (100, 100) };
        md.AppendLine("| group | " + string.Join(" | ", ranges.Select(r => r.Item1 == r.Item2 ? $"{r.Item1}" : $"{r.Item1}–{r.Item2}")) + " |");
        md.AppendLine("|---|" + string.Concat(ranges.Select(_ => "---|")));
        foreach (var (name, isRing) in new[] { ("honest", false), ("ring members", true) })
            md.AppendLine($"| {name} | " + string.Join(" | ", ranges.Select(r => Scored.Count(s => s.Label.IsRingMember == isRing && s.Score >= r.Item1 && s.Score <= r.Item2))) + " |");
        md.AppendLine();

        md.AppendLine("## Honest hard cases");
        md.AppendLine();
        md.AppendLine("Each honest candidate has at most one hard case (\"baseline\": none). Drivers: the weighted indicators on the flagged ones, as `indicator severity (weight)` × candidates.");
        md.AppendLine();
        md.AppendLine("| hard case | n | review | high | flagged | what flagged them |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in Metrics.Categories)
            md.AppendLine($"| {c.Name} | {c.Bands.Total} | {c.Bands.Review} | {c.Bands.High} | {Pct(c.Bands.FlaggedShare)} | {Drivers(c)} |");
        md.AppendLine();

        md.AppendLine("## Ring tactics");
        md.AppendLine();
        md.AppendLine("Rings of 3–8 members combine 2–4 tactics (plus, in about 6% of rings, a sign-in from 175.45.176.0/22); a tactic reaches only some members. " +
                      "\"Reached\": members the tactic was applied to (most also have others). \"Alone\": members whose only tactic it is, the hardest case. " +
                      "Missed members' signals: the weighted indicators on the members left in clear.");
        md.AppendLine();
        md.AppendLine("| tactic | reached | recall | alone | recall alone | missed members' signals |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (reached, alone) in Metrics.TacticsReached.Zip(Metrics.TacticsAlone))
            md.AppendLine($"| {reached.Name} | {reached.Bands.Total} | {Pct(reached.Bands.FlaggedShare)} | {alone.Bands.Total} | {(alone.Bands.Total == 0 ? "–" : Pct(alone.Bands.FlaggedShare))} | {Drivers(reached)} |");
        md.AppendLine();

        md.AppendLine("## The checks of 2025–2026 (catalogue section 1 (g))");
        md.AppendLine();
        md.AppendLine("Candidates each new indicator fired on, by severity. The post-hire ones (NET-06, NET-15, NET-16, NET-17, LINK-13) need " +
                      "endpoint, meeting and onboarding data of hired workers, which this pre-hire corpus does not have, and ID-18 an identity-verification " +
                      "result received apart from the dossier: their evidence is the unit and integration tests on realistic records (docs/testing.md).");
        md.AppendLine();
        md.AppendLine("| indicator | check | honest | ring members | in the corpus |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var (id, check, modelled) in NewChecks)
        {
            string Fired(bool ring)
            {
                var bySeverity = Scored.Where(r => r.Label.IsRingMember == ring)
                    .SelectMany(r => r.Signals.Where(x => x.IndicatorId == id).GroupBy(x => x.Severity).Select(g => g.Key))
                    .GroupBy(x => x).Select(g => $"{g.Key} × {g.Count()}").ToArray();
                return bySeverity.Length == 0 ? "0" : string.Join(", ", bySeverity);
            }
            md.AppendLine($"| {id} | {check} | {Fired(false)} | {Fired(true)} | {modelled} |");
        }
        md.AppendLine();

        md.AppendLine("## Evidence");
        md.AppendLine();
        md.AppendLine(Metrics.FlaggedWithoutEvidence.Count == 0
            ? $"All {Metrics.FlaggedTotal} flagged candidates carry at least one weighted signal with non-empty evidence."
            : $"{Metrics.FlaggedWithoutEvidence.Count} flagged candidates have no weighted signal with evidence: " +
              string.Join(", ", Metrics.FlaggedWithoutEvidence.Take(20).Select(s => $"{s.Label.ExternalId} ({string.Join(", ", s.Weighted.Select(w => w.IndicatorId))})")));
        md.AppendLine();

        md.AppendLine("## Fairness: same dossier, name of another origin");
        md.AppendLine();
        md.AppendLine($"{Fairness.Pairs.Count} honest dossiers (stratified by hard case) were cloned with only the name swapped (Korean → Irish/Anglo → Nigerian → Mexican, " +
                      "the issue's four, then → Vietnamese → German/Polish → Korean so that every origin is covered), " +
                      "every field carrying the name in the same form (legal, other names, document, payee, shipping recipient, email, profiles), and vetted. " +
                      $"Bands differ for **{Fairness.Differing.Count}** pairs.");
        md.AppendLine();
        md.AppendLine("The whole honest corpus by name origin. On purpose, the cases that come from ties abroad (traveller, single session abroad, " +
                      "living abroad, relocation, dual citizen's bank, immigrant's phone, travel router) draw Korean, Mexican, Vietnamese and Nigerian names " +
                      "twice as often, and their trips and second countries often follow the name (Korea, Mexico, Germany or Poland, Ireland or Britain), as " +
                      "the hidden suite's travellers do; relatives also share names. So origins get uneven shares of the hard cases, and a rule that flags " +
                      "ties abroad shows up here as a gap; \"expected\" is what each origin's hard-case mix alone predicts (each case's overall " +
                      "flag rate). Flagged well above expected points at the name; `PAY-13` counts sanctions-list namesakes.");
        md.AppendLine();
        md.AppendLine("| name origin | n | review | high | flagged | expected from the mix | flagged by PAY-13 | transliterated flagged | what flagged them |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var honestRows = Scored.Where(s => !s.Label.IsRingMember).ToArray();
        var caseRate = honestRows.GroupBy(s => s.Label.Category).ToDictionary(g => g.Key, g => (double)g.Count(s => s.Flagged) / g.Count());
        foreach (var o in Metrics.Origins)
        {
            var mine = honestRows.Where(s => s.Label.Name.Origin == o.Name).ToArray();
            var expected = mine.Sum(s => caseRate[s.Label.Category]);
            var namesakes = mine.Count(s => s.Flagged && s.Weighted.Any(w => w.IndicatorId == "PAY-13"));
            var transliterated = mine.Where(s => s.Label.Category == HardCases.Transliterated).ToArray();
            md.AppendLine($"| {o.Name} | {o.Bands.Total} | {o.Bands.Review} | {o.Bands.High} | {o.Bands.Review + o.Bands.High} ({Pct(o.Bands.FlaggedShare)}) | " +
                          $"{expected:0} | {namesakes} | {transliterated.Count(s => s.Flagged)} of {transliterated.Length} | {Drivers(o)} |");
        }
        md.AppendLine();
        md.AppendLine("Name-swapped pairs:");
        md.AppendLine();
        var byOrigin = Fairness.Pairs.GroupBy(p => $"{p.Original.Label.Name.Origin} → {p.CloneName.Origin}").OrderBy(g => g.Key);
        md.AppendLine("| swap | pairs | differing | original flagged | clone flagged |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var g in byOrigin)
            md.AppendLine($"| {g.Key} | {g.Count()} | {g.Count(p => p.Differs)} | {g.Count(p => p.Original.Flagged)} | {g.Count(p => p.Swapped.Flagged)} |");
        md.AppendLine();
        if (Fairness.Differing.Count > 0)
        {
            md.AppendLine("| candidate | hard case | original → clone | bands | signals only on the original | signals only on the clone |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var p in Fairness.Differing)
                md.AppendLine($"| {p.Original.Label.ExternalId} | {p.Original.Label.Category} | {p.Original.Label.Name.Legal} → {p.CloneName.Legal} | " +
                              $"{p.Original.Band} ({p.Original.Score}) → {p.Swapped.Band} ({p.Swapped.Score}) | {OnlyIn(p.Original, p.Swapped)} | {OnlyIn(p.Swapped, p.Original)} |");
            md.AppendLine();
        }

        md.AppendLine("## Generator checks");
        md.AppendLine();
        md.AppendLine($"- Honest resumes: {Resumes.HonestResumes}; highest MinHash similarity between two of them {Resumes.HonestMax:0.00}; pairs at or above the LINK-02 medium threshold (0.6): {Resumes.HonestPairsAtMedium}.");
        md.AppendLine($"- Reused resumes within a ring: {Resumes.RingPairs} pairs, mean similarity {Resumes.RingMean:0.00}, lowest {Resumes.RingMin:0.00}.");
        var consistent = Scored.Count(s => s.Under(Ruleset).Band == s.Band);
        md.AppendLine($"- Re-scoring the stored signals under the embedded ruleset reproduces {consistent} of {Scored.Count} bands (the what-if below relies on it).");
        md.AppendLine();
        md.AppendLine("Checks not evaluated (share of candidates, most common reason):");
        md.AppendLine();
        md.AppendLine("| check | not evaluated | reason |");
        md.AppendLine("|---|---|---|");
        foreach (var g in Scored.SelectMany(s => s.Trace).GroupBy(t => t.Check))
        {
            var notEvaluated = g.Where(t => t.Outcome == "not_evaluated").ToArray();
            var reason = notEvaluated.GroupBy(t => t.Reason).MaxBy(r => r.Count())?.Key ?? "";
            md.AppendLine($"| {g.Key} | {Pct((double)notEvaluated.Length / Scored.Count)} | {reason} |");
        }
        md.AppendLine();

        md.AppendLine("## Tuning scenarios");
        md.AppendLine();
        md.AppendLine("The stored signals re-weighed under changed weights (patches over the shipped ruleset) and with check changes HireVet " +
                      "does not make applied to them, so proposals are measured before anyone writes them (nothing is vetted again). " +
                      "*previous weights* shows what ruleset 2026.11-5's tuning bought; *referrer by name* what following a referral by the " +
                      "referrer's name alone would cost; *mainland ISPs* what grading Chinese and Russian networks higher would cost honest travellers.");
        md.AppendLine();
        md.AppendLine("| scenario | change | recall | honest high | honest review or high | fairness pairs differing | all targets |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        md.AppendLine($"| current | ruleset {Ruleset.Version} | {Pct(Metrics.Recall)} | {Pct(Metrics.HonestHigh)} | {Pct(Metrics.HonestFlagged)} | {Fairness.Differing.Count} | " +
                      $"{(Missed().Any() ? "no" : "yes")} |");
        foreach (var m in Scenarios)
            md.AppendLine($"| {m.Scenario.Name} | {m.Scenario.Description} | {Pct(m.Metrics.Recall)} | {Pct(m.Metrics.HonestHigh)} | {Pct(m.Metrics.HonestFlagged)} | " +
                          $"{Differing(m.FairnessDiffering)} | {(m.AllMet ? "yes" : "no")} |");
        md.AppendLine();
        md.AppendLine("Flagged (review or high) per hard case and per tactic:");
        md.AppendLine();
        md.AppendLine("| group | current | " + string.Join(" | ", Scenarios.Select(m => m.Scenario.Name)) + " |");
        md.AppendLine("|---|---|" + string.Concat(Scenarios.Select(_ => "---|")));
        for (var i = 0; i < Metrics.Categories.Count; i++)
            md.AppendLine($"| honest: {Metrics.Categories[i].Name} | {Pct(Metrics.Categories[i].Bands.FlaggedShare)} | " +
                          string.Join(" | ", Scenarios.Select(m => Pct(m.Metrics.Categories[i].Bands.FlaggedShare))) + " |");
        for (var i = 0; i < Metrics.TacticsReached.Count; i++)
            md.AppendLine($"| ring: {Metrics.TacticsReached[i].Name} | {Pct(Metrics.TacticsReached[i].Bands.FlaggedShare)} | " +
                          string.Join(" | ", Scenarios.Select(m => Pct(m.Metrics.TacticsReached[i].Bands.FlaggedShare))) + " |");
        md.AppendLine();
        foreach (var m in Scenarios.Where(m => m.Metrics.Ring.Clear > 0))
        {
            var missed = m.Metrics.TacticsAlone.Where(t => t.Bands.Clear > 0).Select(t => $"{t.Name} alone × {t.Bands.Clear}");
            md.AppendLine($"- {m.Scenario.Name}: {m.Metrics.Ring.Clear} ring members stay clear; single-tactic ones among them: {string.Join(", ", missed)}.");
        }
        md.AppendLine();

        if (Scenarios.FirstOrDefault(m => m.Scenario.Name == "previous checks and ruleset") is { Rows.Count: > 0 } previous)
        {
            md.AppendLine("### Shadow run: band changes from the previous checks and ruleset to the current ones");
            md.AppendLine();
            md.AppendLine("Each candidate's band under *previous checks and ruleset* (before issue 16) against the band this run gave it.");
            md.AppendLine();
            md.AppendLine("| group | from → to | candidates |");
            md.AppendLine("|---|---|---|");
            foreach (var change in Scored.Zip(previous.Rows)
                         .Where(p => p.First.Band != p.Second.Band)
                         .GroupBy(p => (Group: p.First.Label.IsRingMember ? "ring members" : $"honest: {p.First.Label.Category}", From: p.Second.Band, To: p.First.Band))
                         .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.From, StringComparer.Ordinal))
                md.AppendLine($"| {change.Key.Group} | {change.Key.From} → {change.Key.To} | {change.Count()} |");
            md.AppendLine();
        }

        md.AppendLine("## What the corpus models, and what it does not");
        md.AppendLine();
        md.AppendLine("- Honest candidates: " + string.Join(", ", HardCases.Mix.Select(m => $"{m.Category} {Pct(m.Share)}")) + ". Names from six origins, " +
                      "equally likely except in the ties-abroad cases (see the fairness section). Residential addresses come from the real ranges of each country's ISPs " +
                      "(@ip-location-db/asn), VPN exits and Apple's relay from X4BNet's lists, all checked with HireVet's own network data; IBANs carry " +
                      "valid check digits, US routing numbers pass the ABA checksum; employers are made up and never SDN names.");
        md.AppendLine("- Ring members: stolen or borrowed US identities that look honest until a tactic touches them; wallets from OFAC's DPRK-linked " +
                      "addresses, front companies as OFAC designated them, CN/HK banks by BIC, CN/RU ISPs from Chinanet, China Unicom, China Mobile, " +
                      "Rostelecom and MTS ranges, the DPRK block 175.45.176.0/22.");
        md.AppendLine("- Not modelled, so not measured: honest developers whose GitHub history predates the account (imports), device clocks left on " +
                      "UTC, family phone plans, freight forwarders, camera trouble beyond one call (3% of honest candidates have one camera-off interview, their only one for about half of them), rings aimed at European employers, rings that claim the farm as every member's " +
                      "residence, anything post-hire (RMM, KVM, MFA devices) or from interviews. The generator was written by someone who had read the " +
                      "checks, so recall here is an upper bound for the tactics modelled. Name pools are small, so namesake collisions (sanctions, " +
                      "referrers) are more frequent than in life.");
        md.AppendLine();

        md.AppendLine("## Run time");
        md.AppendLine();
        md.AppendLine("| step | time |");
        md.AppendLine("|---|---|");
        foreach (var (step, elapsed) in Timings) md.AppendLine($"| {step} | {elapsed.TotalSeconds:0.0} s |");
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, string measured, string goal, bool met) =>
        md.AppendLine($"| {name} | {measured} | {goal} | {(met ? "yes" : "**MISSED**")} |");

    private static string Differing(IReadOnlyList<string> pairs) =>
        pairs.Count == 0 ? "0" : pairs.Count <= 3 ? $"{pairs.Count}: {string.Join(", ", pairs)}" : $"{pairs.Count}";

    private static double Share(int n, BandCounts b) => b.Total == 0 ? 0 : (double)n / b.Total;

    private static string Drivers(Breakdown b) =>
        b.Drivers.Count == 0 ? "–" : string.Join(", ", b.Drivers.Select(d => $"{d.Indicator} × {d.Count}"));

    private static string OnlyIn(Scored a, Scored b)
    {
        var other = b.Weighted.Select(s => (s.IndicatorId, s.Severity)).ToHashSet();
        var only = a.Weighted.Where(s => !other.Contains((s.IndicatorId, s.Severity))).Select(s => $"{s.IndicatorId} {s.Severity}: {s.Explanation}").ToArray();
        return only.Length == 0 ? "–" : string.Join("<br>", only).Replace("|", "\\|");
    }

    public static string Pct(double x) => (x * 100).ToString(x is > 0 and < 0.1 ? "0.0" : "0.#", CultureInfo.InvariantCulture) + "%";
}
