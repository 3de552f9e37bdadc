using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>The sweep: asks the scheduler again for every candidate that has been pending vetting for too long (the
/// process died between commit and scheduling, or the vetting job failed). Only reads, so it writes no audit record.</summary>
public static class RescheduleStaleVetting
{
    public sealed record Command(TimeSpan PendingLongerThan) : IRequest<int>;

    public sealed class Handler(IDbSession db, IVettingScheduler scheduler, TimeProvider clock) : IRequestHandler<Command, int>
    {
        private const string Sql = """
            select id from candidates
            where vetting_status = 'pending' and vetting_requested_at < @Before
            order by vetting_requested_at
            limit 1000
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var ids = (await db.Connection.QueryAsync<long>(new CommandDefinition(Sql,
                new { Before = clock.GetUtcNow() - command.PendingLongerThan }, db.Transaction, cancellationToken: ct))).ToArray();
            foreach (var id in ids) await scheduler.ScheduleAsync(id, ct);
            return ids.Length;
        }
    }
}
