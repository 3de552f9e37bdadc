using System.Net;

namespace HireVet.Web.Security;

/// <summary>Where a sign-in attempt comes from, as recorded: the connection's peer address (HireVet reads no
/// X-Forwarded-For; behind a proxy this is the proxy) and the browser's User-Agent, cut to 200 characters.</summary>
public static class SignInClient
{
    public static string? Address(HttpContext context) => context.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;

    public static string? UserAgent(HttpContext context) =>
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent.Length <= 200 ? agent : agent[..200] : null;
}
