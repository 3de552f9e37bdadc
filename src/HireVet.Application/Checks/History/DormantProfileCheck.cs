using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;

namespace HireVet.Application.Checks.History;

/// <summary>ID-19: a developer profile that looks bought or taken over rather than grown (SEAL case studies, catalogue
/// S54; GitHub history, S40): dormant for years and revived just before the application, hosting content older than the
/// account, or authored under many different commit e-mail addresses. Dates to the year or month count only where the
/// finding holds whichever day they mean.</summary>
public sealed class DormantProfileCheck : ICheck
{
    /// <summary>A gap shorter than this is a career break, a parental leave, a job with private repositories.</summary>
    public const int DormantYears = 3;

    /// <summary>Revived "just before": all activity since the gap falls within this many months.</summary>
    public const int RevivedWithinMonths = 12;

    /// <summary>A work address, a personal one, the host's no-reply address and an old employer's: honest developers
    /// commit under a handful; more than this is an account several people write from.</summary>
    public const int MaxHonestCommitEmails = 5;

    public string Name => "dormant-profile";
    public string[] Indicators => ["ID-19"];

    public CheckResult Run(VettingContext context)
    {
        var profiles = (context.Dossier.Profiles ?? []).Where(HasActivitySummary).ToArray();
        if (profiles.Length == 0)
            return CheckResult.NotEvaluated("No profile gives an activity summary (inactive gap, earliest content or commit e-mails).");

        var findings = profiles.SelectMany(p => Findings(p).Select(f => (Profile: p, Finding: f))).ToArray();
        if (findings.Length == 0) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("ID-19", Severity.Medium,
            $"{string.Join(" ", findings.Select(f => $"The {f.Profile.Kind} profile {Label(f.Profile)} {f.Finding.Sentence}."))} " +
            "Accounts revived after years, aged with older content or shared by several authors are how bought or taken-over " +
            "developer profiles look (SEAL case studies, S54; S40).",
            new JsonObject
            {
                ["findings"] = new JsonArray([.. findings.Select(f => (JsonNode)new JsonObject
                {
                    ["kind"] = f.Profile.Kind, ["url"] = f.Profile.Url, ["handle"] = f.Profile.Handle,
                    ["finding"] = f.Finding.Kind, ["detail"] = f.Finding.Detail,
                })]),
                ["thresholds"] = new JsonObject
                {
                    ["dormantYears"] = DormantYears, ["revivedWithinMonths"] = RevivedWithinMonths,
                    ["contentSlackDays"] = ProfileAgeCheck.SlackDays, ["maxHonestCommitEmails"] = MaxHonestCommitEmails,
                },
            }));
    }

    private sealed record Finding(string Kind, string Sentence, JsonObject Detail);

    private static bool HasActivitySummary(DeveloperProfile p) =>
        p.LongestInactiveGap is { From: not null, To: not null } || p.EarliestContentOn is not null || p.DistinctCommitEmails is not null;

    private static IEnumerable<Finding> Findings(DeveloperProfile p)
    {
        if (p.LongestInactiveGap is { From: { } from, To: { } to } && p.LastActivityOn is { } last)
        {
            // Certainly this long: from the latest day the gap can have begun to the earliest it can have ended.
            var gapDays = to.First.DayNumber - from.Last.DayNumber;
            // Certainly this recent: from the earliest day activity can have resumed to the latest it can have ended.
            var activeDays = last.Last.DayNumber - to.First.DayNumber;
            if (gapDays >= DormantYears * 365 && activeDays <= RevivedWithinMonths * 31)
                yield return new Finding("dormant-then-active",
                    $"had no public activity from {from} to {to} ({gapDays / 365} years) and was revived only shortly before its last activity ({last})",
                    new JsonObject { ["inactiveFrom"] = from.ToString(), ["inactiveTo"] = to.ToString(), ["lastActivityOn"] = last.ToString(), ["gapDays"] = gapDays });
        }

        // Activity before creation is ID-15's finding already (ProfileAgeCheck): the same fact is not counted twice.
        var countedUnderId15 = p is { CreatedOn: { } c, EarliestActivityOn: { } e } && e.DayNumber < c.DayNumber - ProfileAgeCheck.SlackDays;
        if (p is { EarliestContentOn: { } content, CreatedOn: { } created } && p.ContentImported != true && !countedUnderId15
            && content.Last.DayNumber < created.DayNumber - ProfileAgeCheck.SlackDays)
            yield return new Finding("content-older-than-account",
                $"hosts content from {content}, before the account was created on {created:yyyy-MM-dd}, and does not mark it as imported",
                new JsonObject { ["earliestContentOn"] = content.ToString(), ["createdOn"] = created.ToString("yyyy-MM-dd") });

        if (p.DistinctCommitEmails is { } emails && emails > MaxHonestCommitEmails)
            yield return new Finding("many-commit-emails",
                $"has commits under {emails} different e-mail addresses (more than {MaxHonestCommitEmails})",
                new JsonObject { ["distinctCommitEmails"] = emails });
    }

    private static string Label(DeveloperProfile p) => p.Handle ?? p.Url ?? "(no handle)";
}
