using System.Text.Json;
using System.Text.Json.Serialization;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;
using MediatR;

namespace HireVet.Application.Connectors;

/// <summary>Stores one page of sign-ins an identity provider gave a connector (a pull's page, or an Okta Event Hook
/// delivery) and, in the same transaction, moves the connector's cursor past it, adds its counts and logs it. A crash
/// before commit leaves the cursor where it was, so the page is read again and its events, idempotent on the
/// provider's event id, are counted as duplicates.</summary>
public static class StoreSignInPage
{
    /// <summary>A page and the cursor past it. <c>Parsed</c> holds the events already read by <see cref="Parse"/> (a pull
    /// reads the next page's while this one is stored), in the order of <c>Events</c>; they are read here when it is null.
    /// It is not part of the request's audit digest, which covers the events as the vendor sent them.
    /// <para><c>After</c>: the storing of the page before, when a pull stores two pages at once. This page's
    /// transaction commits only once that one has committed, and rolls back if it failed, so the cursor stored never
    /// passes a page that is not stored.</para></summary>
    public sealed record Command(long ConnectorId, string Kind, string Activity, IReadOnlyList<JsonElement> Events, string? Cursor,
        [property: JsonIgnore] IReadOnlyList<Parsed<IncomingSignIn>>? Parsed = null, [property: JsonIgnore] Task? After = null)
        : IRequest<Result>, ICommand;

    /// <summary>Each event read as the connector's kind writes sign-ins: a sign-in, skipped (not one), or its errors.</summary>
    public static IReadOnlyList<Parsed<IncomingSignIn>> Parse(string kind, IReadOnlyList<JsonElement> events)
    {
        Func<JsonElement, Parsed<IncomingSignIn>> parse = kind switch
        {
            ConnectorKinds.Okta => OktaSystemLog.Parse,
            ConnectorKinds.Entra => EntraSignInLog.Parse,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), $"A {kind} connector has no sign-ins."),
        };
        var parsed = new Parsed<IncomingSignIn>[events.Count];
        for (var i = 0; i < parsed.Length; i++) parsed[i] = parse(events[i]);
        return parsed;
    }

    public sealed record Result(int Received, int Accepted, int Duplicates, int Skipped, int Rejected, IReadOnlyList<string> Problems);

    public sealed class Handler(IMediator mediator, ConnectorStore store, AuditScope audit, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        private const int ProblemsKept = 20;

        public async Task<Result> Handle(Command command, CancellationToken ct)
        {
            var read = command.Parsed ?? Parse(command.Kind, command.Events);
            if (read.Count != command.Events.Count) throw new ArgumentException("The parsed events are not the page's.", nameof(command));
            var events = new List<IncomingSignIn>(command.Events.Count);
            var (skipped, rejected) = (0, 0);
            var problems = new List<string>();
            for (var i = 0; i < command.Events.Count; i++)
            {
                var parsed = read[i];
                if (parsed.Event is { } e) events.Add(e);
                else if (parsed.Skipped is not null) skipped++;
                else
                {
                    rejected++;
                    if (problems.Count < ProblemsKept)
                        problems.Add($"event {i + 1}: " + string.Join("; ", parsed.Errors!.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}")));
                }
            }
            var (accepted, duplicates) = (0, 0);
            foreach (var chunk in events.Chunk(IngestSignIns.MaxBatch))
            {
                var stored = await mediator.Send(new IngestSignIns.Command(command.Kind, chunk), ct);
                accepted += stored.Accepted;
                duplicates += stored.Duplicates;
            }
            if (command.After is { } before) await before; // its failure is this page's: nothing here commits
            var now = clock.GetUtcNow();
            await store.SyncedAsync(command.ConnectorId, now, command.Cursor, command.Events.Count, accepted, rejected, null, ct);
            await store.LogAsync(new ConnectorLogEntry(command.ConnectorId, now, command.Activity, rejected > 0 ? "rejected" : "accepted",
                Detail: problems.Count > 0 ? string.Join("\n", problems) : $"{duplicates} duplicates, {skipped} not sign-ins",
                Received: command.Events.Count, Accepted: accepted, Rejected: rejected), ct);
            audit.Target("connector", command.ConnectorId);
            audit.Details["received"] = command.Events.Count;
            audit.Details["accepted"] = accepted;
            audit.Details["duplicates"] = duplicates;
            audit.Details["skipped"] = skipped;
            audit.Details["rejected"] = rejected;
            return new Result(command.Events.Count, accepted, duplicates, skipped, rejected, problems);
        }
    }
}
