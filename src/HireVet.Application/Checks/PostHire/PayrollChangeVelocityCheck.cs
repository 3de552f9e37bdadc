using System.Text.Json.Nodes;
using HireVet.Application.Dossiers;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>PAY-05: the worker's pay destination changes often: three or more changes within 90 days, or two within 30
/// (by effective date). A record that repeats the destination before it (the dossier's, then the previous change's) is
/// not a change. Medium: people do change banks, but a payout account that keeps moving is how accounts are cycled
/// after being shut down.</summary>
public sealed class PayrollChangeVelocityCheck : ICheck
{
    public static readonly (int Changes, int Days)[] Rules = [(3, 90), (2, 30)];

    public string Name => "payroll-change-velocity";
    public string[] Indicators => ["PAY-05"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var changes = RealChanges(context.Dossier.PayrollDestination, activity.PayrollChanges);

        foreach (var (count, days) in Rules)
            for (var i = 0; i + count <= changes.Length; i++)
            {
                var window = changes[i..(i + count)];
                var span = window[^1].EffectiveDate.DayNumber - window[0].EffectiveDate.DayNumber;
                if (span > days) continue;
                return CheckResult.Fired(new RawSignal("PAY-05", Severity.Medium,
                    $"The worker's pay destination changed {count} times within {span} days ({window[0].EffectiveDate:yyyy-MM-dd} to {window[^1].EffectiveDate:yyyy-MM-dd}): " +
                    "a payout account that keeps moving is how shut-down accounts are replaced.",
                    new JsonObject
                    {
                        ["rule"] = $"{count} or more changes within {days} days",
                        ["changesInWindow"] = new JsonArray([.. window.Select(c => (JsonNode)ToJson(c))]),
                        ["days"] = span,
                        ["changesSinceHire"] = changes.Length,
                    }));
            }
        return CheckResult.NotFired;
    }

    internal static PayrollChange[] RealChanges(PayrollDestination? initial, IEnumerable<PayrollChange> recorded)
    {
        var list = new List<PayrollChange>();
        var current = initial;
        foreach (var change in recorded.OrderBy(c => c.EffectiveDate).ThenBy(c => c.ReceivedAt))
        {
            if (change.Destination == current) continue;
            list.Add(change);
            current = change.Destination;
        }
        return [.. list];
    }

    /// <summary>A change as evidence: who holds the account and where it is, never the account number.</summary>
    internal static JsonObject ToJson(PayrollChange c) => new()
    {
        ["eventId"] = c.EventId, ["effectiveDate"] = c.EffectiveDate.ToString("yyyy-MM-dd"), ["receivedAt"] = Time(c.ReceivedAt),
        ["method"] = c.Destination.Method, ["accountHolderName"] = c.Destination.AccountHolderName, ["bankName"] = c.Destination.BankName,
        ["bankCountry"] = c.Destination.BankCountry, ["platform"] = c.Destination.Platform,
    };
}
