using HireVet.Application.Dossiers;

namespace HireVet.Application.Connectors;

/// <summary>The vendors' APIs as the connector features need them; Infrastructure talks HTTP.</summary>
public interface IVendorClients
{
    /// <summary>One harmless authenticated call with the connector's settings and secrets. Never throws for a refusal
    /// or an unreachable host: the answer says why.</summary>
    Task<ConnectionTest> TestAsync(Connector connector, CancellationToken ct);

    /// <summary>Okta and Entra: sign-ins page by page from a stored cursor.</summary>
    ISignInConnector SignIns(Connector connector);

    /// <summary>Greenhouse and Lever: a record's current state, and notes written back.</summary>
    IAtsSource Ats(Connector connector);
}

public interface IAtsSource
{
    /// <summary>The record behind an ATS id as a dossier, or null when the vendor says it no longer exists.</summary>
    Task<Dossier?> FetchAsync(string atsId, CancellationToken ct);

    Task SendNoteAsync(string atsId, string body, CancellationToken ct);
}
