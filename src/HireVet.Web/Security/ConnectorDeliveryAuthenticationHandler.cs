using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HireVet.Application.Common.Security;
using HireVet.Application.Connectors;
using HireVet.Application.Connectors.Greenhouse;
using HireVet.Application.Connectors.Lever;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HireVet.Web.Security;

/// <summary>Vendors prove a delivery to /api/connectors/{id}/… the way each documents it: Greenhouse signs the raw
/// body (<c>Signature: sha256 …</c>, HMAC-SHA256 with the web hook's secret key), Lever signs <c>token + triggeredAt</c>
/// in the body with the webhooks' signature token, and an Okta Event Hook sends the shared value in
/// <c>Authorization</c>. The body is buffered for the endpoint to read again. A refused delivery is logged on the
/// connector with the reason.</summary>
public sealed class ConnectorDeliveryAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ConnectorStore store, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ConnectorDelivery";
    private const string ConnectorItem = "hirevet.connector";

    /// <summary>The connector the delivery was verified for.</summary>
    public static Connector VerifiedConnector(HttpContext context) => (Connector)context.Items[ConnectorItem]!;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!long.TryParse(Request.RouteValues["id"]?.ToString(), out var id)) return AuthenticateResult.NoResult();
        var connector = await store.FindAsync(id, Context.RequestAborted);
        if (connector is null) return AuthenticateResult.Fail("No such connector.");
        Request.EnableBuffering();
        var body = await ReadBodyAsync();
        var problem = Verify(connector, body);
        if (problem is not null)
        {
            await store.LogAsync(new ConnectorLogEntry(connector.Id, clock.GetUtcNow(), "delivery", "refused", Detail: problem), Context.RequestAborted);
            return AuthenticateResult.Fail(problem);
        }
        Context.Items[ConnectorItem] = connector;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"connector:{connector.Name}"), new Claim(ClaimTypes.Role, Roles.Connector)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private string? Verify(Connector connector, byte[] body) => connector.Kind switch
    {
        ConnectorKinds.Greenhouse => GreenhouseSignature.IsValid(body, Request.Headers["Signature"].ToString(), connector.Secret("webhookSecret")!)
            ? null : "The Signature header does not match the body signed with the web hook's secret key.",
        ConnectorKinds.Lever => LeverBodySignatureProblem(body, connector.Secret("signatureToken")!),
        ConnectorKinds.Okta => SameSecret(Request.Headers.Authorization.ToString(), connector.Secret("eventHookSecret")!)
            ? null : "The Authorization header is not the Event Hook's secret.",
        _ => "This connector takes no deliveries.",
    };

    private static string? LeverBodySignatureProblem(byte[] body, string signatureToken)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return LeverSignature.IsValid(LeverWebhook.Parse(document.RootElement), signatureToken)
                ? null : "The body's signature does not match token + triggeredAt signed with the webhooks' signature token.";
        }
        catch (JsonException)
        {
            return "The body is not JSON, so its signature cannot be read.";
        }
    }

    private static bool SameSecret(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private async Task<byte[]> ReadBodyAsync()
    {
        using var copy = new MemoryStream();
        await Request.Body.CopyToAsync(copy, Context.RequestAborted);
        Request.Body.Position = 0;
        return copy.ToArray();
    }
}
