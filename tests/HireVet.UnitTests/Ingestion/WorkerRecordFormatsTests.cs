using System.Text.Json.Nodes;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;

namespace HireVet.UnitTests.Ingestion;

public sealed class WorkerRecordFormatsTests
{
    private const string Snapshot = """{"eventId":"edr-1","user":"ana.costa@corp.example","deviceId":"LT-1","takenAt":"2026-11-20T08:00:00Z","installedSoftware":["Slack"]""";

    [Fact]
    public void An_endpoint_snapshot_keeps_the_optional_input_latency_and_one_without_it_has_none()
    {
        var measured = WorkerRecordFormats.Parse(RecordKinds.Endpoint, PublishedSamples.Parse(Snapshot + ""","inputLatencyMs":{"p50":"38","p95":112.5,"samples":1400}}""")).Event!;
        var latency = JsonNode.Parse(measured.Data)!["inputLatencyMs"]!;
        Assert.Equal((38.0, 112.5, 1400), (latency["p50"]!.GetValue<double>(), latency["p95"]!.GetValue<double>(), latency["samples"]!.GetValue<int>()));

        var plain = WorkerRecordFormats.Parse(RecordKinds.Endpoint, PublishedSamples.Parse(Snapshot + "}")).Event!;
        Assert.Null(JsonNode.Parse(plain.Data)!["inputLatencyMs"]);
    }

    [Theory]
    [InlineData("""{"p95":-3,"samples":100}""", "inputLatencyMs.p95")]
    [InlineData("""{"p50":200,"p95":120,"samples":100}""", "inputLatencyMs.p50")]
    [InlineData("""{"p95":120,"samples":10.5}""", "inputLatencyMs.samples")]
    [InlineData("""{"p95":120}""", "inputLatencyMs.samples")]
    [InlineData("\"120 ms\"", "inputLatencyMs")]
    public void A_malformed_input_latency_rejects_the_snapshot_naming_the_field(string latency, string field)
    {
        var parsed = WorkerRecordFormats.Parse(RecordKinds.Endpoint, PublishedSamples.Parse(Snapshot + $",\"inputLatencyMs\":{latency}}}"));
        Assert.Null(parsed.Event);
        Assert.Equal([field], parsed.Errors!.Keys);
    }
}
