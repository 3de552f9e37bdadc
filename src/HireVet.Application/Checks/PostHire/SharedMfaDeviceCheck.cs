using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>NET-11: an authenticator device that completes this worker's MFA is registered for other workers too: one
/// phone approving sign-ins for several employees is one operator behind several identities.</summary>
public sealed class SharedMfaDeviceCheck : ICheck
{
    public string Name => "shared-mfa-device";
    public string[] Indicators => ["NET-11"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var shared = activity.SharedMfaDevices.Where(s => s.OtherWorkers.Count > 0).ToArray();
        if (shared.Length == 0) return CheckResult.NotFired;

        var others = shared.SelectMany(s => s.OtherWorkers).DistinctBy(w => w.WorkerId).ToArray();
        return CheckResult.Fired(new RawSignal("NET-11", Severity.High,
            $"The MFA device {string.Join(", ", shared.Select(s => s.Value))} that approves this worker's sign-ins is registered for " +
            $"{Wording.Plural(others.Length, "other worker", "other workers")} too ({Names(others)}): one device completing MFA for several employees is one operator behind several identities.",
            new JsonObject
            {
                ["devices"] = Limited(shared, s => new JsonObject
                {
                    ["deviceId"] = s.Value,
                    ["registeredAt"] = activity.MfaDevices.FirstOrDefault(m => m.DeviceId == s.Value) is { } m ? Time(m.RegisteredAt) : null,
                    ["registrationEventId"] = activity.MfaDevices.FirstOrDefault(m => m.DeviceId == s.Value)?.EventId,
                    ["otherWorkers"] = PostHireData.Workers(s.OtherWorkers),
                }),
                ["otherWorkers"] = PostHireData.Workers(others),
            }));
    }
}
