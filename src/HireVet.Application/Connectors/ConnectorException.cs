namespace HireVet.Application.Connectors;

/// <summary>A vendor's API refused a call for a reason other than a rate limit (a wrong credential, a missing permission, a
/// server error that outlasted the retries), or answered something HireVet cannot follow. The message names the status and
/// the vendor's own error text (Okta errorSummary, Graph error.message, Entra error_description), never a secret.</summary>
public class ConnectorException(string message, int? statusCode = null) : Exception(message)
{
    /// <summary>The HTTP status, or null when the answer itself was the problem (not JSON, a link to another host).</summary>
    public int? StatusCode { get; } = statusCode;
}
