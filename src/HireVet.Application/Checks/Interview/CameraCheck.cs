using System.Text.Json.Nodes;

namespace HireVet.Application.Checks.Interview;

/// <summary>INT-01: the candidate kept the camera off in every interview whose camera state was recorded. The advisories
/// name refusing video ("my webcam isn't working") as a strong sign; one camera-off call is often just that, so a single
/// interview is medium and only two or more, all without video, are high. A reviewer asks first: a disability or a
/// privacy accommodation is a legitimate reason, and the explanation says so.</summary>
public sealed class CameraCheck : ICheck
{
    public string Name => "interview-camera";
    public string[] Indicators => ["INT-01"];

    public CheckResult Run(VettingContext context)
    {
        var recorded = (context.Dossier.Interviews ?? []).Where(i => i.CameraOn is not null).ToArray();
        if (recorded.Length == 0) return CheckResult.NotEvaluated("No interview records whether the camera was on.");
        if (recorded.Any(i => i.CameraOn == true)) return CheckResult.NotFired;

        return CheckResult.Fired(new RawSignal("INT-01", recorded.Length >= 2 ? Severity.High : Severity.Medium,
            $"The camera was off in {(recorded.Length == 1 ? "the only interview" : $"all {recorded.Length} interviews")} " +
            "(ask why: an accommodation or broken hardware is a legitimate reason).",
            new JsonObject
            {
                ["interviews"] = new JsonArray([.. recorded.Select(i => (JsonNode)new JsonObject
                {
                    ["at"] = i.At?.ToString("O"), ["cameraOn"] = false,
                })]),
            }));
    }
}
