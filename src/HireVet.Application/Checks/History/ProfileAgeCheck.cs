using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.History;

/// <summary>ID-15: a developer profile created after the activity it shows, a sign of copied or back-dated history
/// (SEAL: GitHub accounts whose commits predate the account).</summary>
public sealed class ProfileAgeCheck : ICheck
{
    /// <summary>Imported repositories legitimately carry a few older commits; a month's slack avoids flagging that.</summary>
    public const int SlackDays = 30;

    public string Name => "profile-age";
    public string[] Indicators => ["ID-15"];

    public CheckResult Run(VettingContext context)
    {
        var dated = (context.Dossier.Profiles ?? []).Where(p => p.CreatedOn is not null && p.EarliestActivityOn is not null).ToArray();
        if (dated.Length == 0) return CheckResult.NotEvaluated("No profile gives both its creation date and its earliest activity.");
        var backdated = dated.Where(p => p.EarliestActivityOn!.Value.DayNumber < p.CreatedOn!.Value.DayNumber - SlackDays).ToArray();
        if (backdated.Length == 0) return CheckResult.NotFired;
        return CheckResult.Fired(new RawSignal("ID-15", Severity.Medium,
            $"{string.Join(", ", backdated.Select(p => $"The {p.Kind} profile {p.Handle ?? p.Url}"))} shows activity from before it was created " +
            $"({string.Join(", ", backdated.Select(p => $"activity {p.EarliestActivityOn:yyyy-MM-dd}, created {p.CreatedOn:yyyy-MM-dd}"))}).",
            new JsonObject
            {
                ["profiles"] = new JsonArray([.. backdated.Select(p => (JsonNode)new JsonObject
                {
                    ["kind"] = p.Kind, ["url"] = p.Url, ["handle"] = p.Handle,
                    ["createdOn"] = p.CreatedOn?.ToString("yyyy-MM-dd"), ["earliestActivityOn"] = p.EarliestActivityOn?.ToString("yyyy-MM-dd"),
                })]),
            }));
    }
}
