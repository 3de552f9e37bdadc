using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>LINK-13: the same stand-in at onboarding steps of several hires: one person, phone, e-mail or address
/// turning up at the drug tests, I-9 document checks or equipment receipts of different workers (the facilitators of
/// the November 2025 guilty pleas took drug tests in the workers' place; S55). Identifiers are compared by keyed hash
/// (gathered by the re-screening). Two honest hires who share a name, each appearing for themselves, are namesakes, not
/// a stand-in: a shared name counts only when the person who appeared is not each worker under their own name. The
/// place of a drug test or document check (a clinic, an office many hires visit) never links; the place an equipment
/// receipt was signed for does. High, naming the other workers.</summary>
public sealed class OnboardingStandInCheck : ICheck
{
    public string Name => "onboarding-stand-in";
    public string[] Indicators => ["LINK-13"];

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["person"] = "person who appeared", ["phone"] = "phone number", ["email"] = "e-mail address", ["address"] = "address",
    };

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        if (activity.Onboarding.Count == 0) return CheckResult.NotEvaluated("No onboarding events (drug test, document check, equipment receipt) for the worker.");

        var mine = activity.Onboarding.ToDictionary(e => e.EventId);
        var ownNames = new[] { context.Dossier.LegalName }.Concat(context.Dossier.OtherNames ?? []).Select(PersonKey).ToHashSet();
        var shared = activity.SharedOnboarding
            .Where(s => mine.ContainsKey(s.EventId))
            .Select(s => (Shared: s, Event: mine[s.EventId], Others: s.Kind == "person"
                ? s.Others.Where(o => !Namesakes(PersonKey(mine[s.EventId].Details.AppearedName), ownNames, o.Worker)).ToArray()
                : [.. s.Others]))
            .Where(x => x.Others.Length > 0)
            .ToArray();
        if (shared.Length == 0) return CheckResult.NotFired;

        var others = shared.SelectMany(x => x.Others.Select(o => o.Worker)).ToArray();
        var kinds = string.Join(", ", shared.Select(x => KindNames[x.Shared.Kind]).Distinct());
        return CheckResult.Fired(new RawSignal("LINK-13", Severity.High,
            $"The same {kinds} appears at onboarding steps of other workers ({Names(others)}) as at this worker's: one stand-in doing drug tests, " +
            "document checks or equipment receipt for several hires (catalogue LINK-13: S55).",
            new JsonObject
            {
                ["shared"] = Limited(shared, x => new JsonObject
                {
                    ["kind"] = x.Shared.Kind, ["value"] = Display(x.Shared.Kind, x.Event.Details), ["step"] = x.Event.Step,
                    ["occurredAt"] = Time(x.Event.OccurredAt), ["eventId"] = x.Event.EventId,
                    ["otherSteps"] = new JsonArray([.. x.Others.Select(o => (JsonNode)new JsonObject
                    {
                        ["workerId"] = o.Worker.WorkerId, ["employeeId"] = o.Worker.EmployeeId, ["legalName"] = o.Worker.LegalName,
                        ["step"] = o.Step, ["occurredAt"] = Time(o.OccurredAt), ["eventId"] = o.EventId,
                    })]),
                }),
                ["otherWorkers"] = PostHireData.Workers(others),
            }));
    }

    /// <summary>Both workers appeared for themselves under one name: "Kim Min-jun" hired twice is two people.</summary>
    private static bool Namesakes(string appeared, HashSet<string> ownNames, OtherWorker other) =>
        ownNames.Contains(appeared) && PersonKey(other.LegalName) == appeared;

    /// <summary>A name as onboarding identifiers compare it: words split at spaces, commas and hyphens, letters and
    /// digits only, lower case, in alphabetical order, so "Sang-Man Kim" and "KIM, Sang Man" agree.</summary>
    public static string PersonKey(string? name) => string.Join(' ', (name ?? "")
        .Split([' ', ',', '\t', '-'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]).ToLowerInvariant())
        .Where(w => w.Length > 0)
        .Order(StringComparer.Ordinal));

    private static string? Display(string kind, OnboardingDetails d) => kind switch
    {
        "person" => d.AppearedName,
        "phone" => d.Phone,
        "email" => d.Email,
        _ => d.Place?.OneLine(),
    };
}
