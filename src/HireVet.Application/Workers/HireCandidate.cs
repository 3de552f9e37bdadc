using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Security;
using MediatR;

namespace HireVet.Application.Workers;

/// <summary>HR marks a cleared candidate hired: the worker keeps the candidate's history, assessments and decisions, and
/// from now on events from integrations addressed to the work e-mail (the UPN) are the worker's. Events that arrived
/// before the hire for that address are matched now.</summary>
public static class HireCandidate
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        public long CandidateId { get; init; }
        public string? EmployeeId { get; init; }
        public DateOnly? StartDate { get; init; }
        public string? WorkEmail { get; init; }
    }

    public sealed record Response
    {
        public long WorkerId { get; init; }
        public long CandidateId { get; init; }
        public string EmployeeId { get; init; } = "";
        public string WorkEmail { get; init; } = "";
        public DateOnly StartDate { get; init; }
        /// <summary>Events received before the hire for this work e-mail, now the worker's.</summary>
        public int MatchedEarlierEvents { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EmployeeId).NotEmpty().MaximumLength(100);
            RuleFor(c => c.WorkEmail).NotEmpty().MaximumLength(320).EmailAddress();
            RuleFor(c => c.StartDate).NotNull();
        }
    }

    /// <summary>Statuses a hire may follow: cleared by the checks alone, or by a human.</summary>
    private static readonly string[] Hireable = ["clear", "cleared"];

    public sealed class Handler(IDbSession db, ICurrentActor actor, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        private const string LockSql = "select status from candidates where id = @CandidateId for update";

        private const string InsertSql = """
            insert into workers (candidate_id, employee_id, work_email, start_date, hired_by, hired_at)
            values (@CandidateId, @EmployeeId, @WorkEmail, @StartDate, @HiredBy, @Now)
            returning id
            """;

        // Events are matched on the lower-cased address, as ingestion stores the principal.
        private const string MatchSql = """
            with signins as (update sign_in_events set worker_id = @WorkerId where worker_id is null and principal = @WorkEmail returning 1),
                 records as (update worker_records set worker_id = @WorkerId where worker_id is null and principal = @WorkEmail returning 1),
                 meetings as (update meeting_sessions set worker_id = @WorkerId where worker_id is null and principal = @WorkEmail returning 1),
                 onboarding as (update onboarding_events set worker_id = @WorkerId where worker_id is null and principal = @WorkEmail returning 1),
                 matched as (select (select count(*) from signins) + (select count(*) from records) + (select count(*) from meetings)
                                    + (select count(*) from onboarding) as n),
                 touched as (update workers set events_changed_at = @Now where id = @WorkerId and (select n from matched) > 0)
            select n::int from matched
            """;

        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            audit.Target("candidate", command.CandidateId);
            var status = await db.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(LockSql, command, db.Transaction, cancellationToken: ct))
                ?? throw new NotFoundException("candidate", command.CandidateId);
            if (!Hireable.Contains(status))
                throw new ConflictException($"Only a cleared candidate can be hired; this one is '{status}'.");
            if (await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select exists (select 1 from workers where candidate_id = @CandidateId)", command, db.Transaction, cancellationToken: ct)))
                throw new ConflictException("The candidate is hired already.");

            var workEmail = command.WorkEmail!.Trim().ToLowerInvariant();
            var now = clock.GetUtcNow();
            var workerId = await db.Connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
            {
                command.CandidateId, EmployeeId = command.EmployeeId!.Trim(), WorkEmail = workEmail, StartDate = command.StartDate!.Value,
                HiredBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));
            var matched = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(MatchSql, new { WorkerId = workerId, WorkEmail = workEmail, Now = now },
                db.Transaction, cancellationToken: ct));

            audit.Details["workerId"] = workerId;
            audit.Details["employeeId"] = command.EmployeeId.Trim();
            audit.Details["matchedEarlierEvents"] = matched;
            return new Response
            {
                WorkerId = workerId, CandidateId = command.CandidateId, EmployeeId = command.EmployeeId.Trim(), WorkEmail = workEmail,
                StartDate = command.StartDate.Value, MatchedEarlierEvents = matched,
            };
        }
    }
}
