using HireVet.Web.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HireVet.IntegrationTests.Telemetry;

/// <summary>OpenTelemetry is registered only when an OTLP endpoint is configured: otherwise no provider, no exporter,
/// nothing listening.</summary>
public sealed class TelemetryRegistrationTests
{
    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddHireVetTelemetry(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    [Fact]
    public void Without_an_endpoint_no_provider_or_exporter_is_registered()
    {
        var services = Register(new() { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf", ["OTEL_SERVICE_NAME"] = "hirevet" });
        Assert.Empty(services);
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void With_an_endpoint_traces_and_metrics_are_registered_with_the_otlp_exporter()
    {
        var services = Register(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318" });
        Assert.Contains(services, s => s.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, s => s.ServiceType == typeof(MeterProvider));
        Assert.Contains(services, s => s.ServiceType.FullName!.Contains("OtlpExporterOptions", StringComparison.Ordinal)
            || (s.ImplementationType?.FullName ?? "").Contains("Otlp", StringComparison.Ordinal)
            || s.ServiceType.GenericTypeArguments.Any(t => t.FullName!.Contains("OtlpExporterOptions", StringComparison.Ordinal)));
    }
}
