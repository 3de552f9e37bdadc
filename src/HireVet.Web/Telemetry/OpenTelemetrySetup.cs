using System.Diagnostics;
using HireVet.Application.Common;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HireVet.Web.Telemetry;

/// <summary>OpenTelemetry for HireVet (decision 0055): traces of requests, MediatR requests, SQL, outgoing HTTP and
/// background jobs; metrics of ASP.NET Core, HttpClient, the runtime and HireVet's own meter. Exported over OTLP only
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set (environment or configuration); without it nothing is registered and nothing
/// listens, so HireVet's spans are never created. The exporter reads the other standard variables itself
/// (OTEL_EXPORTER_OTLP_PROTOCOL, _HEADERS, _TIMEOUT, OTEL_BSP_SCHEDULE_DELAY, OTEL_METRIC_EXPORT_INTERVAL, ...).</summary>
public static class OpenTelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "hirevet";

    public static bool Enabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointKey]);

    public static IServiceCollection AddHireVetTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration)) return services;
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;

        services.AddSingleton<OperationalGauges>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(OpenTelemetrySetup).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: configuration["Jobs:NodeName"] is { Length: > 0 } node ? node : Environment.MachineName))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(RootSampler(configuration)))
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(HireVetTelemetry.Name)
                .AddProcessor(new SqlSpanName.Processor()) // before the exporter: it names what is exported
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(HireVetTelemetry.Name)
                .AddInstrumentation(sp => sp.GetRequiredService<OperationalGauges>())
                .AddOtlpExporter());
        return services;
    }

    /// <summary>Which root spans start a trace. A trace starts at a request (a server span) or a background job (a
    /// consumer span). A SQL statement, an HTTP call or a MediatR request outside both is Hangfire polling its queues
    /// and beating its heartbeat, or a node's poll loop (webhooks, audit chain) finding nothing to do, several a second
    /// on every node: they would bury the traces that matter, and their cost shows in the metrics instead. Of those
    /// roots, all are kept unless the standard <c>OTEL_TRACES_SAMPLER</c> asks for a ratio (<c>traceidratio</c> or
    /// <c>parentbased_traceidratio</c>, with <c>OTEL_TRACES_SAMPLER_ARG</c> between 0 and 1): at a hundred submissions
    /// a second, tracing every one costs the app a share of its CPU that a sample of them does not.</summary>
    public static Sampler RootSampler(IConfiguration configuration)
    {
        var ratio = configuration["OTEL_TRACES_SAMPLER"]?.Trim().ToLowerInvariant() is "traceidratio" or "parentbased_traceidratio"
                    && double.TryParse(configuration["OTEL_TRACES_SAMPLER_ARG"], System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var arg) && arg is >= 0 and <= 1
            ? arg
            : 1.0;
        return new RequestsAndJobs(ratio < 1 ? new TraceIdRatioBasedSampler(ratio) : null);
    }

    private sealed class RequestsAndJobs(Sampler? ratio) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind is not (ActivityKind.Server or ActivityKind.Consumer) ? new SamplingResult(SamplingDecision.Drop)
            : ratio?.ShouldSample(samplingParameters) ?? new SamplingResult(SamplingDecision.RecordAndSample);
    }
}
