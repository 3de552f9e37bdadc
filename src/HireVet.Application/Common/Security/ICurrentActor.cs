namespace HireVet.Application.Common.Security;

/// <summary>Who is making the request: a signed-in user, an API key, or the system (jobs, CLI).</summary>
public interface ICurrentActor
{
    string Name { get; }
    string Role { get; }
}

public sealed record Actor(string Name, string Role) : ICurrentActor
{
    public static readonly Actor System = new("system", Roles.System);
}
