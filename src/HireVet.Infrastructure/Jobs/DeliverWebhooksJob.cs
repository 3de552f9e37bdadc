using HireVet.Application.Monitoring;
using MediatR;
using Quartz;

namespace HireVet.Infrastructure.Jobs;

/// <summary>Every few seconds: sends the webhook deliveries that are due, until none is left for now.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverWebhooksJob(IMediator mediator) : IJob
{
    public static readonly JobKey Key = new("deliver-webhooks", "webhooks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        while (await mediator.Send(new DeliverWebhooks.Command(), cancellationToken) > 0)
        {
        }
    }
}
