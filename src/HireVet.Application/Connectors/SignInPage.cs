using System.Text.Json;

namespace HireVet.Application.Connectors;

/// <summary>One page of sign-ins pulled from an identity provider's API.</summary>
/// <param name="Events">The vendor's raw event objects (an Okta LogEvent, a Graph signIn), in the vendor's order, each
/// a clone that outlives the response it came in; the source's parser reads them.</param>
/// <param name="Cursor">Where the next pull starts. Store it only after <paramref name="Events"/> are stored, and hand
/// it back to the next pull: then a crash between the two re-reads this one page and nothing is skipped (storing is
/// idempotent on the event id). Opaque to the caller; each client documents its form.</param>
/// <param name="More">More events are ready now: pull again with <paramref name="Cursor"/>. False once caught up.</param>
public sealed record SignInPage(IReadOnlyList<JsonElement> Events, string Cursor, bool More);

/// <summary>An identity provider's sign-in log read over its API, page by page from a stored cursor. Pulls of one
/// connector run one at a time.</summary>
public interface ISignInConnector
{
    /// <summary>The source the events are stored under and parsed as ("okta", "entra").</summary>
    string Source { get; }

    /// <summary>The page after <paramref name="cursor"/>; a null cursor (the first run) starts the configured look-back
    /// before now. Throws <see cref="ConnectorException"/> when the vendor refuses (rate limits are waited out).</summary>
    Task<SignInPage> PullAsync(string? cursor, CancellationToken ct);

    /// <summary>Whether the configured address and credentials can read sign-ins, with the vendor's reason if not.
    /// Never throws for a refusal or an unreachable host.</summary>
    Task<ConnectionTest> TestConnectionAsync(CancellationToken ct);
}

/// <summary>What <see cref="ISignInConnector.TestConnectionAsync"/> found. <paramref name="Message"/> names the status and
/// the vendor's error text on a failure; it never holds a secret.</summary>
public sealed record ConnectionTest(bool Ok, string Message);
