using System.Net.Http.Json;
using System.Text.Json;
using HireVet.Application.Access;
using HireVet.Application.Common.Security;
using HireVet.IntegrationTests.Infrastructure;
using HireVet.Telemetry.Testing;

namespace HireVet.IntegrationTests.Telemetry;

/// <summary>A HireVet node exporting over OTLP to a receiver the test starts: one submission and its vetting arrive as
/// traces (the request, the MediatR request, its SQL; the vetting job and the vetting batch linked back to the
/// submission) and the submission-to-assessment latency as a metric.</summary>
[Collection("db")]
public sealed class OpenTelemetryTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_submission_and_its_vetting_arrive_as_linked_traces_with_the_latency_metric()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var node = NodeProcess.Start("otel", db.ConnectionString, new Dictionary<string, string>(receiver.Environment())
        {
            ["OTEL_SERVICE_NAME"] = "hirevet-test",
        });
        await node.WaitHealthyAsync();
        var key = (await db.SendAsync(new CreateApiKey.Command { Name = "ats", Role = Roles.Hr }, "fixture", Roles.Admin)).Key;

        using var http = new HttpClient { BaseAddress = node.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var response = await http.PostAsJsonAsync("/api/candidates", Dossiers.Honest("otel-1"), JsonSerializerOptions.Web);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var candidateId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await WaitUntilAsync(async () => await db.QuerySingleAsync<int>("select count(*)::int from assessments where candidate_id = @candidateId",
            new { candidateId }) == 1, "the candidate was not vetted", node);

        ReceivedSpan? Server() => receiver.Spans.FirstOrDefault(s => s.Kind == 2 && s.Name.TrimEnd('/') == "POST /api/candidates");
        ReceivedSpan? Submit() => Server() is { } server ? receiver.Spans.FirstOrDefault(s => s.TraceId == server.TraceId && s.Name == "SubmitCandidate.Command") : null;
        ReceivedSpan? Vetting() => Submit() is { } submit
            ? receiver.Spans.FirstOrDefault(s => s.Name == "vetting.batch" && s.Links.Contains((submit.TraceId, submit.SpanId)))
            : null;
        await WaitUntilAsync(() => Task.FromResult(Vetting() is not null && receiver.Metrics.ContainsKey("hirevet.vetting.submission_to_assessment")),
            "the spans or the metric did not arrive", node, receiver);

        var server = Server()!;
        var submit = Submit()!;
        var vetting = Vetting()!;
        Assert.Equal("hirevet-test", server.Service);
        Assert.All(receiver.Spans, s => Assert.Equal("hirevet-test", s.Service));
        // The MediatR request runs inside the request, and its SQL inside it.
        Assert.Contains(receiver.Spans, s => s.TraceId == server.TraceId && s.Scope == "Npgsql" && s.Kind == 3 && s.Name == "insert candidates");
        Assert.Equal(server.SpanId, Ancestors(receiver, submit).Last().SpanId);
        // The vetting ran in a job's trace of its own, linked back to the submission.
        Assert.NotEqual(server.TraceId, vetting.TraceId);
        var job = receiver.Spans.Single(s => s.SpanId == Ancestors(receiver, vetting).Last().SpanId);
        Assert.Equal("job VetPendingJob", job.Name);
        Assert.Equal(5, job.Kind);
        Assert.Contains(receiver.Spans, s => s.TraceId == vetting.TraceId && s.ParentSpanId == vetting.SpanId && s.Name == "vetting.checks");
        Assert.Contains(receiver.Spans, s => s.TraceId == vetting.TraceId && s.Scope == "Npgsql");
        Assert.True(receiver.Spans.Where(s => s.Scope == "Npgsql").All(s => s.ParentSpanId != ""), "a SQL span outside any request or job was exported");
        Assert.Contains("hirevet.job.runs", receiver.Metrics.Keys);
    }

    /// <summary>The span's parent, its parent's parent, ... up to the root, as far as they arrived.</summary>
    private static List<ReceivedSpan> Ancestors(OtlpReceiver receiver, ReceivedSpan span)
    {
        var chain = new List<ReceivedSpan>();
        var spans = receiver.Spans.ToDictionary(s => s.SpanId);
        while (span.ParentSpanId != "" && spans.TryGetValue(span.ParentSpanId, out var parent)) chain.Add(span = parent);
        return chain;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what, NodeProcess node, OtlpReceiver? receiver = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} within 60 s.\nSpans: {string.Join(", ", receiver?.Spans.Select(s => s.Name).Distinct() ?? [])}\n" +
                $"Metrics: {string.Join(", ", receiver?.Metrics.Keys ?? [])}\n{node.Output}");
            await Task.Delay(100);
        }
    }
}
