using HireVet.Application.Connectors;
using HireVet.Application.Webhooks;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Every Jobs:WebhookPollSeconds on every node with jobs enabled: sends the webhook deliveries and the notes
/// for applicant-tracking systems that are due,
/// until none is left for now; nodes split the rows (skip locked). Not a Hangfire recurring job: one every 5 s would
/// write 17,280 job records a day and need every node to poll its schedules that often.</summary>
public sealed class WebhookDeliveryService(IServiceScopeFactory scopes, JobSettings settings, ILogger<WebhookDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.WebhookPoll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                while (await mediator.Send(new DeliverWebhooks.Command(), stoppingToken) > 0)
                {
                }
                while (await mediator.Send(new DeliverAtsNotes.Command(), stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The deliveries stay due (or claimed until their lease ends); the next round sends them.
                logger.LogWarning(e, "Delivering webhooks failed; retrying next round.");
            }
        }
    }
}
