using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HireVet.Telemetry.Testing;

/// <summary>An OTLP/HTTP receiver (protobuf bodies on POST /v1/traces and /v1/metrics) on a port the system picks:
/// point OTEL_EXPORTER_OTLP_ENDPOINT at <see cref="Endpoint"/> with OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf. It keeps
/// every span (with the attributes it is told to keep: SQL spans carry their statement's text) and the name of every
/// metric it was sent.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentDictionary<string, int> _metrics = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;
    public IReadOnlyCollection<ReceivedSpan> Spans => [.. _spans];
    /// <summary>Each metric's name with the number of exports that carried it.</summary>
    public IReadOnlyDictionary<string, int> Metrics => _metrics;

    public static async Task<OtlpReceiver> StartAsync(Func<string, bool>? keepAttribute = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            foreach (var span in OtlpModel.ReadSpans(await BodyAsync(request), keepAttribute)) receiver._spans.Enqueue(span);
            return Results.Bytes([], "application/x-protobuf"); // an empty ExportTraceServiceResponse: all accepted
        });
        receiver._app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            foreach (var name in OtlpModel.ReadMetricNames(await BodyAsync(request))) receiver._metrics.AddOrUpdate(name, 1, (_, n) => n + 1);
            return Results.Bytes([], "application/x-protobuf");
        });
        receiver._app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>The environment a HireVet process needs to export here, batches sent within a quarter second.</summary>
    public IReadOnlyDictionary<string, string> Environment(TimeSpan? metricInterval = null) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "250",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = ((int)(metricInterval ?? TimeSpan.FromSeconds(1)).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Clear()
    {
        _spans.Clear();
        _metrics.Clear();
    }

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var body = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(request.Body, System.IO.Compression.CompressionMode.Decompress)
            : request.Body;
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
