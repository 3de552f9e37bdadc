using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Errors;
using MediatR;

namespace HireVet.Application.Jobs;

/// <summary>An admin runs a recurring job now ("Run now" on the jobs page): an audited command, as the job engine's own
/// dashboard is read-only. The job is enqueued before the audit record commits; if that commit fails, the job still runs
/// (every recurring job is safe to run again).</summary>
public static class TriggerSchedule
{
    public sealed record Command(string Schedule) : IRequest<Response>, ICommand;

    public sealed record Response(string Schedule, string JobId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Schedule).NotEmpty().MaximumLength(100);
    }

    public sealed class Handler(ISchedulerInfo scheduler, AuditScope audit) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("schedule", command.Schedule);
            var jobId = await scheduler.TriggerAsync(command.Schedule, ct)
                ?? throw new NotFoundException("schedule", command.Schedule);
            audit.Details["jobId"] = jobId;
            return new Response(command.Schedule, jobId);
        }
    }
}
