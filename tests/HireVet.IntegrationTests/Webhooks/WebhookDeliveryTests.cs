using System.Net.Http.Json;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Webhooks;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Webhooks;

/// <summary>Webhook delivery holds no database transaction while a receiver makes it wait: the due rows are claimed in
/// one statement, the call is made, and the result is recorded afterwards; a second delivery round meanwhile finds
/// the claimed row taken and sends nothing.</summary>
[Collection("db")]
public sealed class WebhookDeliveryTests(DatabaseFixture db) : IAsyncLifetime
{
    private WebApplication? _receiver;

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_receiver is not null) await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_slow_receiver_keeps_no_transaction_open_and_its_delivery_is_sent_once_and_recorded()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async () =>
        {
            Interlocked.Increment(ref calls);
            called.TrySetResult();
            await release.Task;
            return Results.Ok();
        });
        await _receiver.StartAsync();
        var url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        var admin = await db.ClientAsync(Roles.Admin);
        (await admin.PostAsJsonAsync("/api/admin/webhooks", new { url, events = new[] { WebhookOutbox.WorkerBandRaised } })).EnsureSuccessStatusCode();
        await using (var scope = db.Factory.Services.CreateAsyncScope())
            await WebhookOutbox.EnqueueAsync(scope.ServiceProvider.GetRequiredService<IDbSession>(), WebhookOutbox.WorkerBandRaised,
                [new { workerId = 1, band = "high" }], DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);

        var delivering = db.SendAsync(new DeliverWebhooks.Command());
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The receiver is holding the call: no session of this database is inside a transaction.
        Assert.Equal(0, await db.QuerySingleAsync<int>("""
            select count(*)::int from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'
            """));
        Assert.Equal(0, await db.SendAsync(new DeliverWebhooks.Command())); // claimed: nothing else is due
        release.SetResult();
        Assert.Equal(1, await delivering);

        Assert.Equal(1, calls);
        Assert.Equal(("delivered", 1, (int?)200), await db.QuerySingleAsync<(string, int, int?)>("select status, attempts, last_status_code from webhook_deliveries"));
        Assert.Equal(1, await db.QuerySingleAsync<int>("select count(*)::int from webhook_attempts where status_code = 200"));
    }
}
