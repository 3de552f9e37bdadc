namespace HireVet.Application.Checks;

/// <summary>Small pieces of the sentences signals explain themselves in.</summary>
public static class Wording
{
    /// <summary>"1 address", "3 addresses".</summary>
    public static string Plural(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
