using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HireVet.IntegrationTests.Connectors;

/// <summary>A vendor played by Kestrel on a loopback port chosen by the system: each test maps the vendor's routes
/// (Greenhouse, Lever, Okta, Microsoft Graph) and reads back what HireVet sent it.</summary>
public sealed class LoopbackStub : IAsyncDisposable
{
    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public Uri BaseUrl { get; }

    private LoopbackStub(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<LoopbackStub> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackStub? stub = null;
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            stub!.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        stub = new LoopbackStub(app, new Uri(app.Urls.First()));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
