namespace HireVet.UnitTests.Common.Formats.Crypto;

/// <summary>The real OFAC-listed digital currency addresses (2025-11-19) under ../shared/data/crypto next to the
/// checkout: <c>sanctioned_addresses_&lt;TICKER&gt;.txt</c>, one address a line.</summary>
internal static class SanctionedAddressFiles
{
    private static readonly Lazy<string> Directory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HireVet.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "crypto"));
        }
        throw new DirectoryNotFoundException($"No HireVet.sln above {AppContext.BaseDirectory}.");
    });

    public static string[] Addresses(string ticker) =>
        [.. File.ReadAllLines(Path.Combine(Directory.Value, $"sanctioned_addresses_{ticker}.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)];

    /// <summary>The address with the character at <paramref name="index"/> replaced by the next one of
    /// <paramref name="alphabet"/> (case kept), so the result is still made of legal characters.</summary>
    public static string Substitute(string address, int index, string alphabet)
    {
        var c = address[index];
        var position = alphabet.IndexOf(c);
        var upper = false;
        if (position < 0 && char.IsAsciiLetterUpper(c))
        {
            position = alphabet.IndexOf(char.ToLowerInvariant(c));
            upper = true;
        }
        Assert.True(position >= 0, $"'{c}' is not in the alphabet");
        var replacement = alphabet[(position + 1) % alphabet.Length];
        if (upper) replacement = char.ToUpperInvariant(replacement);
        return string.Concat(address.AsSpan(0, index), replacement.ToString(), address.AsSpan(index + 1));
    }
}
