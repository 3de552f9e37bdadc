namespace HireVet.Application.Common.Errors;

/// <summary>The request is well-formed but the current state does not allow it.</summary>
public sealed class ConflictException(string message) : Exception(message);
