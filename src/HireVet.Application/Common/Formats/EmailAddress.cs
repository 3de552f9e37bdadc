using System.Text.RegularExpressions;

namespace HireVet.Application.Common.Formats;

public static partial class EmailAddress
{
    /// <summary>True for what intake accepts as an e-mail address: a local part of 1 to 64 characters without spaces,
    /// "@", and a domain of dot-separated labels; at most 254 characters in all.</summary>
    public static bool IsValid(string? email) => email is { Length: <= 254 } && Pattern().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();
}
