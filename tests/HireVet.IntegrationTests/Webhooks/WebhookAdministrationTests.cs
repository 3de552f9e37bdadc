using System.Net;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using HireVet.Application.Webhooks;
using HireVet.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.IntegrationTests.Webhooks;

/// <summary>Webhook subscriptions as the admin page reads them (their last delivery and failures, the delivery log in
/// pages) and deactivation (pending deliveries cancelled, no new event queued).</summary>
[Collection("db")]
public sealed class WebhookAdministrationTests(DatabaseFixture db) : IAsyncLifetime
{
    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> SubscribeAsync(string url) =>
        (await db.SendAsync(new CreateWebhook.Command { Url = url, Events = [WebhookOutbox.WorkerBandRaised] }, "ada", Roles.Admin)).Id;

    private Task DeliveryAsync(long subscription, string status, int? code, string? error, int minutesAgo) => db.ExecuteAsync("""
        insert into webhook_deliveries (subscription_id, event_type, payload, created_at, status, attempts, next_attempt_at, last_status_code, last_error)
        values (@subscription, 'worker.band_raised', '{}', now() - make_interval(mins => @minutesAgo), @status,
                case when @status = 'pending' then 0 else 1 end, now() + interval '1 minute', @code, @error)
        """, new { subscription, status, code, error, minutesAgo });

    [Fact]
    public async Task Subscriptions_show_their_latest_delivery_and_failed_count_and_deliveries_come_in_pages()
    {
        var soar = await SubscribeAsync("https://soar.example/hooks");
        var idp = await SubscribeAsync("https://idp.example/automation");
        await DeliveryAsync(soar, "failed", 500, "Internal Server Error", 30);
        await DeliveryAsync(soar, "failed", null, "connection refused", 20);
        await DeliveryAsync(soar, "delivered", 200, null, 10);
        await DeliveryAsync(idp, "pending", null, null, 5);

        var all = await db.SendAsync(new ListWebhooks.Query());
        var s = all.Subscriptions.Single(x => x.Id == soar);
        Assert.Equal(("delivered", 200, 2), (s.LastDeliveryStatus, s.LastDeliveryStatusCode, s.FailedDeliveries));
        var i = all.Subscriptions.Single(x => x.Id == idp);
        Assert.Equal(("pending", (int?)null, 0), (i.LastDeliveryStatus, i.LastDeliveryStatusCode, i.FailedDeliveries));

        var page1 = await db.SendAsync(new ListWebhooks.Query(Deliveries: 3));
        var page2 = await db.SendAsync(new ListWebhooks.Query(Deliveries: 3, Offset: 3));
        Assert.Equal(["pending", "delivered", "failed"], page1.Deliveries.Select(d => d.Status));
        Assert.Equal("connection refused", page1.Deliveries[2].LastError);
        Assert.Equal(["failed"], page2.Deliveries.Select(d => d.Status));
        Assert.Equal(500, page2.Deliveries[0].LastStatusCode);
    }

    [Fact]
    public async Task Deactivating_a_webhook_cancels_its_pending_deliveries_queues_nothing_new_and_is_audited()
    {
        var soar = await SubscribeAsync("https://soar.example/hooks");
        var other = await SubscribeAsync("https://other.example/hooks");
        await DeliveryAsync(soar, "pending", null, null, 5);
        await DeliveryAsync(soar, "delivered", 200, null, 10);
        await DeliveryAsync(other, "pending", null, null, 5);

        await db.SendAsync(new DeactivateWebhook.Command(soar), "ada", Roles.Admin);

        var statuses = await db.QueryAsync<(long SubscriptionId, string Status, string? LastError)>(
            "select subscription_id, status, last_error from webhook_deliveries order by id");
        Assert.Equal([(soar, "cancelled", "The subscription was deactivated."), (soar, "delivered", null), (other, "pending", null)], statuses);
        var listed = (await db.SendAsync(new ListWebhooks.Query())).Subscriptions.Single(x => x.Id == soar);
        Assert.False(listed.Active);
        Assert.Equal("ada", listed.DeactivatedBy);

        // A band rise now queues for the other subscription only.
        await using (var scope = db.Factory.Services.CreateAsyncScope())
            await WebhookOutbox.EnqueueAsync(scope.ServiceProvider.GetRequiredService<IDbSession>(), WebhookOutbox.WorkerBandRaised,
                [new { workerId = 1, band = "high" }], DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(2, await db.QuerySingleAsync<int>("select count(*)::int from webhook_deliveries where subscription_id = @other and status = 'pending'", new { other }));
        Assert.Equal(0, await db.QuerySingleAsync<int>("select count(*)::int from webhook_deliveries where subscription_id = @soar and status = 'pending'", new { soar }));

        await Assert.ThrowsAsync<ConflictException>(() => db.SendAsync(new DeactivateWebhook.Command(soar), "ada", Roles.Admin));
        await Assert.ThrowsAsync<NotFoundException>(() => db.SendAsync(new DeactivateWebhook.Command(999), "ada", Roles.Admin));
        var audit = await db.QuerySingleAsync<(string Actor, string Details)>("select actor, details from audit_records where action = 'DeactivateWebhook'");
        Assert.Equal("ada", audit.Actor);
        Assert.Contains("\"cancelledDeliveries\":1", audit.Details);

        var admin = await db.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/admin/webhooks/{soar}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/webhooks/{other}/deactivate", null)).StatusCode);
    }
}
