using Dapper;
using HireVet.Application.Common.Data;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace HireVet.Application.Connectors;

/// <summary>Pulls an identity provider's sign-ins for one connector: page after page from its stored cursor until the
/// provider has no more, each page stored with the cursor that follows it (<see cref="StoreSignInPage"/>). One pull
/// per connector at a time across the cluster, by a lease on its row that lapses if the node dies. A failure is
/// recorded on the connector and the next scheduled pull starts again from the last stored cursor.</summary>
public sealed class PullSignIns(IServiceScopeFactory scopes, IVendorClients vendors, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed record Outcome(bool Ran, int Pages, int Received, int Accepted, string? Error);

    private const string TakeLeaseSql = """
        update connectors set pull_lease_until = @Until
        where id = @Id and status = 'active' and kind in ('okta', 'entra') and (pull_lease_until is null or pull_lease_until < @Now)
        returning id
        """;
    private const string RenewLeaseSql = """
        update connectors set pull_lease_until = @Until where id = @Id and status = 'active' returning id
        """;
    private const string ReleaseLeaseSql = "update connectors set pull_lease_until = null where id = @Id";

    public async Task<Outcome> RunAsync(long connectorId, CancellationToken ct)
    {
        if (!await LeaseAsync(TakeLeaseSql, connectorId, ct)) return new Outcome(false, 0, 0, 0, null);
        var (pages, received, accepted) = (0, 0, 0);
        void Count(StoreSignInPage.Result stored) => (pages, received, accepted) = (pages + 1, received + stored.Received, accepted + stored.Accepted);
        Task<(SignInPage Page, IReadOnlyList<Parsed<IncomingSignIn>> Parsed)>? following = null;
        Task<StoreSignInPage.Result>? storing = null; // the page being stored last
        HashSet<string> previousIds = [];
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var connector = await scope.ServiceProvider.GetRequiredService<ConnectorStore>().FindAsync(connectorId, ct);
            if (connector is null || (connector.Kind == ConnectorKinds.Okta && connector.Secret("apiToken") is null))
                return new Outcome(false, 0, 0, 0, null); // an Okta connector without an API token only receives Event Hooks
            var source = vendors.SignIns(connector);
            var cursor = connector.Cursor; // the cursor the page being handled was asked with
            following = ReadAsync(source, connector.Kind, cursor, ct);
            while (true)
            {
                var (page, parsed) = await following!; // set before the loop, and again whenever the loop goes on (More)
                // The next page is read while this one is stored: the vendor's answer, the JSON and the sign-ins' fields
                // are read while the database works. A page read ahead and not stored is read again by the next pull.
                following = page.More ? ReadAsync(source, connector.Kind, page.Cursor, ct) : null;
                if (page.Events.Count == 0 && page.Cursor == cursor)
                {
                    if (storing is not null) Count(await storing);
                    // Caught up: the usual answer every minute. The sync time is noted; nothing is logged or audited.
                    await using var pageScope = scopes.CreateAsyncScope();
                    await pageScope.ServiceProvider.GetRequiredService<ConnectorStore>().SyncedAsync(connectorId, clock.GetUtcNow(), null, 0, 0, 0, null, ct);
                    return new Outcome(true, pages + 1, received, accepted, null);
                }
                // Two pages are stored at once, each in its own transaction (the database's insert is most of a page's
                // time, and one writer leaves a core idle); a page commits only after the page before it has, so the
                // cursor stored never passes a page that is not, and a crash re-reads from the last page committed.
                var previous = storing;
                var ids = parsed.Where(p => p.Event is not null).Select(p => p.Event!.Event.EventId).ToHashSet(StringComparer.Ordinal);
                if (previous is not null && ids.Overlaps(previousIds))
                {
                    // An event on both pages: this page's insert would wait for the other's row, which waits for this
                    // page's turn to commit. Stored one after the other instead.
                    Count(await previous);
                    previous = null;
                }
                storing = StoreAsync(connectorId, connector.Kind, page, parsed, previous, ct);
                previousIds = ids;
                if (previous is not null) Count(await previous);
                cursor = page.Cursor;
                if (!page.More)
                {
                    Count(await storing);
                    return new Outcome(true, pages, received, accepted, null);
                }
                if (!await LeaseAsync(RenewLeaseSql, connectorId, ct))
                {
                    Count(await storing);
                    return new Outcome(true, pages, received, accepted, "Paused or removed during the pull.");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or ConnectorException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordConnectorFailure.Command(connectorId, "pull", e.Message), ct);
            return new Outcome(true, pages, received, accepted, e.Message);
        }
        finally
        {
            // A page read ahead and then not wanted (paused, or storing failed): its failure, if any, is nobody's.
            following?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            // A page still being stored after a failure rolls back (the page before it failed); the lease is kept until it has.
            if (storing is not null) await storing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            await LeaseAsync(ReleaseLeaseSql, connectorId, CancellationToken.None);
        }
    }

    private async Task<StoreSignInPage.Result> StoreAsync(long connectorId, string kind, SignInPage page,
        IReadOnlyList<Parsed<IncomingSignIn>> parsed, Task? after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new StoreSignInPage.Command(connectorId, kind, "pull", page.Events, page.Cursor, parsed, after), ct).ConfigureAwait(false);
    }

    /// <summary>A page and its sign-ins read (on the thread pool, beside whatever the caller does meanwhile).</summary>
    private static async Task<(SignInPage Page, IReadOnlyList<Parsed<IncomingSignIn>> Parsed)> ReadAsync(ISignInConnector source, string kind,
        string? cursor, CancellationToken ct)
    {
        var page = await source.PullAsync(cursor, ct).ConfigureAwait(false);
        return (page, StoreSignInPage.Parse(kind, page.Events));
    }

    private async Task<bool> LeaseAsync(string sql, long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbSession>();
        var now = clock.GetUtcNow();
        return await db.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Id = id, Now = now, Until = now + Lease }, cancellationToken: ct)) is not null
            || sql == ReleaseLeaseSql;
    }
}
