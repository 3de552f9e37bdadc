namespace HireVet.Application.Common.Errors;

/// <summary>The caller's role allows the endpoint, but not this particular action (e.g. approving their own decision).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
