using System.Diagnostics;
using HireVet.Web.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace HireVet.UnitTests.Telemetry;

public sealed class RootSamplerTests
{
    private static Sampler For(params (string Key, string Value)[] settings) => OpenTelemetrySetup.RootSampler(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static SamplingDecision Decide(Sampler sampler, ActivityKind kind, ActivityTraceId traceId) =>
        sampler.ShouldSample(new SamplingParameters(default, traceId, "span", kind)).Decision;

    // Trace ids whose first 8 bytes (what the ratio sampler compares) are as low and as high as they can be.
    private static readonly ActivityTraceId Low = ActivityTraceId.CreateFromString("00000000000000010000000000000001");
    private static readonly ActivityTraceId High = ActivityTraceId.CreateFromString("7fffffffffffffff0000000000000001");

    [Fact]
    public void Without_a_sampler_setting_every_request_and_job_starts_a_trace_and_nothing_else_does()
    {
        var sampler = For();

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, ActivityKind.Server, High));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, ActivityKind.Consumer, High));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityKind.Client, Low));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityKind.Internal, Low));
    }

    [Fact]
    public void The_standard_ratio_setting_keeps_that_share_of_requests_and_still_drops_other_roots()
    {
        var sampler = For(("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "0.25"));

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, ActivityKind.Server, Low));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityKind.Server, High));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityKind.Internal, Low));
    }

    [Theory]
    [InlineData("traceidratio", "2")]
    [InlineData("traceidratio", "a tenth")]
    [InlineData("always_on", "0")]
    public void A_setting_that_is_not_a_ratio_between_0_and_1_keeps_every_request(string name, string arg) =>
        Assert.Equal(SamplingDecision.RecordAndSample,
            Decide(For(("OTEL_TRACES_SAMPLER", name), ("OTEL_TRACES_SAMPLER_ARG", arg)), ActivityKind.Server, High));
}
