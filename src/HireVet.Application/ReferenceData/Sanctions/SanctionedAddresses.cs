using System.Buffers;
using System.Globalization;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>
/// OFAC's sanctioned digital-currency addresses (<c>sanctioned_addresses_&lt;TICKER&gt;.txt</c>) with their owners.
/// EVM addresses (0x + 40 hex digits) compare case-insensitively, because wallets print them in either case;
/// every other address compares exactly, because Base58 addresses are case-sensitive.
/// </summary>
public sealed class SanctionedAddresses
{
    public const string ListPrefix = "sanctioned_addresses_";
    public const string DprkFileName = "dprk-addresses.csv";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Dictionary<string, SanctionedAddress> byKey;

    private SanctionedAddresses(Dictionary<string, SanctionedAddress> byKey) => this.byKey = byKey;

    /// <summary>Distinct addresses (EVM addresses folded to lower case).</summary>
    public int Count => byKey.Count;

    /// <summary>
    /// Builds the index from OFAC's address lists, one per currency ticker. With <paramref name="sdn"/>, owners come from
    /// the entries' "Digital Currency Address" features (the address lists are generated from the same XML, so this
    /// covers every address); without it, only the DPRK-linked owners in <paramref name="dprkAddressesCsv"/> (the lines
    /// of <c>dprk-addresses.csv</c>, when there is one) are known.
    /// </summary>
    public static SanctionedAddresses Build(IEnumerable<(string Ticker, IEnumerable<string> Lines)> lists, SdnList? sdn,
        IEnumerable<string>? dprkAddressesCsv)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var (ticker, lines) in lists)
        {
            foreach (var line in lines)
            {
                var address = line.Trim();
                if (address.Length > 0 && !address.StartsWith('#'))
                {
                    Add(builders, address, ticker);
                }
            }
        }

        if (sdn is not null)
        {
            foreach (var entry in sdn.Entries)
            {
                foreach (var listed in entry.Addresses)
                {
                    Add(builders, listed.Address, listed.Ticker)
                        .AddOwner(entry.ProfileId, entry.PrimaryName, entry.Programs, entry.IsDprkProgram || entry.CountryCodes.Contains("KP"));
                }
            }
        }
        else if (dprkAddressesCsv is not null)
        {
            ReadDprkAddresses(dprkAddressesCsv, builders);
        }

        return new SanctionedAddresses(builders.ToDictionary(pair => pair.Key, pair => pair.Value.Build(), StringComparer.Ordinal));
    }

    public SanctionedAddress? Find(string address)
    {
        var trimmed = address?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : byKey.GetValueOrDefault(Key(trimmed));
    }

    internal static bool IsEvmAddress(string address) =>
        address.Length == 42 && address[0] == '0' && address[1] is 'x' or 'X' && !address.AsSpan(2).ContainsAnyExcept(HexDigits);

    private static string Key(string address) => IsEvmAddress(address) ? address.ToLowerInvariant() : address;

    private static Builder Add(Dictionary<string, Builder> builders, string address, string ticker)
    {
        var key = Key(address);
        if (!builders.TryGetValue(key, out var builder))
        {
            builders[key] = builder = new Builder(address);
        }

        if (!builder.Tickers.Contains(ticker))
        {
            builder.Tickers.Add(ticker);
        }

        return builder;
    }

    // Header: ticker,address,sdn_ent_num,sdn_name,programs (programmes separated by ';'); every row is DPRK-linked.
    private static void ReadDprkAddresses(IEnumerable<string> csv, Dictionary<string, Builder> builders)
    {
        using var lines = csv.GetEnumerator();
        if (!lines.MoveNext())
        {
            return;
        }

        var header = Csv.Split(lines.Current).ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var index
            ? index
            : throw new FormatException($"{DprkFileName}: column '{name}' is missing.");
        var (ticker, address, entNum, name, programs) =
            (Column("ticker"), Column("address"), Column("sdn_ent_num"), Column("sdn_name"), Column("programs"));

        while (lines.MoveNext())
        {
            if (string.IsNullOrWhiteSpace(lines.Current))
            {
                continue;
            }

            var fields = Csv.Split(lines.Current);
            Add(builders, fields[address].Trim(), fields[ticker].Trim()).AddOwner(
                int.Parse(fields[entNum], CultureInfo.InvariantCulture),
                fields[name],
                fields[programs].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                isDprk: true);
        }
    }

    private sealed class Builder(string address)
    {
        private readonly SortedDictionary<int, (string Name, string[] Programs, bool IsDprk)> owners = [];

        public List<string> Tickers { get; } = [];

        public void AddOwner(int profileId, string name, string[] programs, bool isDprk) =>
            owners[profileId] = (name, programs, isDprk);

        public SanctionedAddress Build()
        {
            var first = owners.Count > 0 ? owners.First() : default(KeyValuePair<int, (string Name, string[] Programs, bool IsDprk)>?);
            return new SanctionedAddress
            {
                Address = address,
                Tickers = [.. Tickers],
                SdnEntryId = first?.Key,
                SdnEntryIds = [.. owners.Keys],
                SdnName = first?.Value.Name,
                Programs = [.. owners.Values.SelectMany(owner => owner.Programs).Distinct()],
                IsDprk = owners.Values.Any(owner => owner.IsDprk),
            };
        }
    }
}
