using System.Globalization;
using HireVet.Application.Connectors;
using HireVet.Application.Connectors.Greenhouse;
using HireVet.Application.Connectors.Lever;
using HireVet.Application.Dossiers;
using HireVet.Infrastructure.Connectors.Graph;
using HireVet.Infrastructure.Connectors.Greenhouse;
using HireVet.Infrastructure.Connectors.Lever;
using HireVet.Infrastructure.Connectors.Okta;

namespace HireVet.Infrastructure.Connectors;

/// <summary>The vendor clients for a connector, built from its settings and decrypted secrets on each use (a connector's
/// secrets live no longer than the call that needs them).</summary>
public sealed class VendorClients(IHttpClientFactory clients, TimeProvider clock) : IVendorClients
{
    public const string ClientName = "vendors";

    private HttpClient Http() => clients.CreateClient(ClientName);
    private VendorHttp Vendor() => new(Http(), clock);

    public async Task<ConnectionTest> TestAsync(Connector connector, CancellationToken ct) => connector.Kind switch
    {
        ConnectorKinds.Greenhouse => await Harvest(connector).TestConnectionAsync(ct),
        ConnectorKinds.Lever => await Lever(connector).TestConnectionAsync(ct),
        ConnectorKinds.Okta when connector.Secret("apiToken") is null =>
            new ConnectionTest(false, "No API token is set, so there is nothing to call: only Event Hooks are received (Okta checks those when the hook is verified)."),
        _ => await SignIns(connector).TestConnectionAsync(ct),
    };

    public ISignInConnector SignIns(Connector connector) => connector.Kind switch
    {
        ConnectorKinds.Okta => new OktaLogClient(Http(), clock, new OktaLogOptions
        {
            OrgUrl = new Uri(connector.Setting("orgUrl")!), ApiToken = connector.Secret("apiToken") ?? throw new ConnectorException("No API token is set."),
        }),
        ConnectorKinds.Entra => new GraphSignInClient(Http(), clock, new GraphSignInOptions
        {
            TenantId = connector.Setting("tenantId")!, ClientId = connector.Setting("clientId")!, ClientSecret = connector.Secret("clientSecret")!,
            Authority = connector.Setting("authorityUrl") is { } authority ? new Uri(authority) : new Uri("https://login.microsoftonline.com"),
            GraphBase = connector.Setting("graphUrl") is { } graph ? new Uri(graph) : new Uri("https://graph.microsoft.com"),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(connector), $"A {connector.Kind} connector has no sign-ins."),
    };

    public IAtsSource Ats(Connector connector) => connector.Kind switch
    {
        ConnectorKinds.Greenhouse => new GreenhouseSource(Harvest(connector), connector.Setting("onBehalfOf")),
        ConnectorKinds.Lever => new LeverSource(Lever(connector), connector.Setting("performAs")),
        _ => throw new ArgumentOutOfRangeException(nameof(connector), $"A {connector.Kind} connector has no candidates."),
    };

    private HarvestClient Harvest(Connector c) =>
        new(Vendor(), c.Setting("baseUrl") is { } url ? new Uri(url) : HarvestClient.DefaultBaseUrl, c.Secret("apiKey")!);

    private LeverClient Lever(Connector c) =>
        new(Vendor(), c.Setting("baseUrl") is { } url ? new Uri(url) : LeverClient.DefaultBaseUrl, c.Secret("apiKey")!);

    /// <summary>A Greenhouse candidate (its applications come with it) as a dossier; notes into its activity feed.</summary>
    private sealed class GreenhouseSource(HarvestClient harvest, string? onBehalfOf) : IAtsSource
    {
        public async Task<Dossier?> FetchAsync(string atsId, CancellationToken ct) =>
            await harvest.GetCandidateAsync(Id(atsId), ct) is { } candidate ? GreenhouseDossier.Map(candidate) : null;

        public Task SendNoteAsync(string atsId, string body, CancellationToken ct) =>
            harvest.AddNoteAsync(Id(atsId), onBehalfOf is { } user ? Id(user) : throw new ConnectorException("No onBehalfOf user is set for notes."), body, ct);

        private static long Id(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : throw new ConnectorException($"'{text}' is not a Greenhouse id.");
    }

    /// <summary>A Lever opportunity with its newest parsed resume as a dossier; notes on the opportunity.</summary>
    private sealed class LeverSource(LeverClient lever, string? performAs) : IAtsSource
    {
        public async Task<Dossier?> FetchAsync(string atsId, CancellationToken ct)
        {
            if (await lever.GetOpportunityAsync(atsId, ct) is not { } opportunity) return null;
            return LeverDossier.Map(opportunity, LeverDossier.Newest(await lever.ListResumesAsync(atsId, ct)));
        }

        public Task SendNoteAsync(string atsId, string body, CancellationToken ct) =>
            lever.AddNoteAsync(atsId, performAs ?? throw new ConnectorException("No performAs user is set for notes."), body, ct);
    }
}
