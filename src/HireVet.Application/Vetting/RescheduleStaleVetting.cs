using Dapper;
using HireVet.Application.Common.Data;
using MediatR;

namespace HireVet.Application.Vetting;

/// <summary>The sweep: asks the scheduler again when a candidate has been pending vetting for too long (the process
/// died between commit and scheduling, or a vetting job failed). Only reads, so it writes no audit record.</summary>
public static class RescheduleStaleVetting
{
    public sealed record Command(TimeSpan PendingLongerThan) : IRequest<int>;

    public sealed class Handler(IDbSession db, IVettingScheduler scheduler, TimeProvider clock) : IRequestHandler<Command, int>
    {
        private const string Sql = """
            select count(*)::int from candidates where vetting_status = 'pending' and vetting_requested_at < @Before
            """;

        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var stale = await db.Connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql,
                new { Before = clock.GetUtcNow() - command.PendingLongerThan }, db.Transaction, cancellationToken: ct));
            if (stale > 0) await scheduler.RequestAsync(ct);
            return stale;
        }
    }
}
