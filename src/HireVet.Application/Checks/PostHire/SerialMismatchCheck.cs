using System.Text.Json.Nodes;
using static HireVet.Application.Checks.PostHire.PostHireData;

namespace HireVet.Application.Checks.PostHire;

/// <summary>SHIP-07: the laptop the worker uses is not the one shipped to them. Either the serial seen at onboarding
/// differs from the asset's serial as shipped, or an endpoint snapshot reports a serial matching no laptop shipped to
/// the worker. Serials compare without case or spaces. Medium: asset records have typos, and a replacement laptop may
/// not have reached the records yet.</summary>
public sealed class SerialMismatchCheck : ICheck
{
    public string Name => "device-serial";
    public string[] Indicators => ["SHIP-07"];

    public CheckResult Run(VettingContext context)
    {
        if (context.PostHire is not { } activity) return CheckResult.NotEvaluated(NotHired);
        var records = activity.Equipment.Where(r => Normalise(r.AssetSerialShipped).Length > 0).ToArray();
        if (records.Length == 0) return CheckResult.NotEvaluated("No equipment record with a shipped serial number.");
        var shipped = records.Select(r => Normalise(r.AssetSerialShipped)).ToHashSet();

        var atOnboarding = records
            .Where(r => r.SerialSeenAtOnboarding is { } seen && Normalise(seen).Length > 0 && Normalise(seen) != Normalise(r.AssetSerialShipped))
            .ToArray();
        var onEndpoints = activity.Endpoints
            .Where(e => e.SerialNumber is { } serial && Normalise(serial).Length > 0 && !shipped.Contains(Normalise(serial)))
            .GroupBy(e => (e.DeviceId, Serial: Normalise(e.SerialNumber!)))
            .Select(g => g.MinBy(e => e.TakenAt)!)
            .ToArray();
        if (atOnboarding.Length == 0 && onEndpoints.Length == 0) return CheckResult.NotFired;

        var shippedList = string.Join(", ", records.Select(r => r.AssetSerialShipped).Distinct());
        var explanation = atOnboarding.Length > 0
            ? $"The laptop presented at onboarding has serial {atOnboarding[0].SerialSeenAtOnboarding}, not {atOnboarding[0].AssetSerialShipped} as shipped: " +
              "the worker may use another machine while the shipped one is elsewhere."
            : $"The endpoint {onEndpoints[0].DeviceId} reports serial {onEndpoints[0].SerialNumber}, which matches no laptop shipped to the worker ({shippedList}).";
        return CheckResult.Fired(new RawSignal("SHIP-07", Severity.Medium, explanation, new JsonObject
        {
            ["shippedSerials"] = new JsonArray([.. records.Select(r => r.AssetSerialShipped).Distinct().Select(s => (JsonNode)s)]),
            ["onboardingMismatches"] = Limited(atOnboarding, r => new JsonObject
            {
                ["eventId"] = r.EventId, ["assetSerialShipped"] = r.AssetSerialShipped, ["serialSeenAtOnboarding"] = r.SerialSeenAtOnboarding,
                ["recordedAt"] = Time(r.RecordedAt),
            }),
            ["endpointMismatches"] = Limited(onEndpoints, e => new JsonObject
            {
                ["deviceId"] = e.DeviceId, ["serialNumber"] = e.SerialNumber, ["firstSeenAt"] = Time(e.TakenAt), ["snapshotEventId"] = e.EventId,
            }),
        }));
    }

    /// <summary>"c02 xk1 2j" and "C02XK12J" alike.</summary>
    public static string Normalise(string? serial) =>
        string.Concat((serial ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
