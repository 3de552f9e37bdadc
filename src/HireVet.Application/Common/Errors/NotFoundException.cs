namespace HireVet.Application.Common.Errors;

public sealed class NotFoundException(string resource, object key)
    : Exception($"No {resource} with id '{key}' exists.")
{
    public string Resource { get; } = resource;
}
