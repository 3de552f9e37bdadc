using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using HireVet.Application.Common.Formats;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// North Korean network facts from <c>network/dprk-network.csv</c> (header <c>kind,value,detail,status,source</c>,
/// RFC 4180 quoting). Only rows whose status is exactly <c>current</c> are used, and of those only the network kinds:
/// <c>ipv4_prefix</c> / <c>ipv6_prefix</c> (one or more CIDRs separated by <c>;</c>) and <c>asn</c>
/// (<c>AS131279</c>). Historical rows (<c>historical_not_current</c>) and informational rows are ignored.
/// </summary>
public sealed class DprkNetwork
{
    private readonly FrozenSet<int> _asns;

    private DprkNetwork(CidrRanges prefixes, IReadOnlyList<string> prefixTexts, FrozenSet<int> asns)
    {
        Prefixes = prefixes;
        PrefixTexts = prefixTexts;
        _asns = asns;
    }

    public static DprkNetwork Empty { get; } = new(CidrRanges.Empty, [], FrozenSet<int>.Empty);

    /// <summary>Current DPRK address blocks.</summary>
    public CidrRanges Prefixes { get; }

    /// <summary>The current prefixes as written in the file (e.g. "175.45.176.0/22").</summary>
    public IReadOnlyList<string> PrefixTexts { get; }

    /// <summary>Current DPRK ASNs.</summary>
    public IReadOnlyCollection<int> Asns => _asns;

    public bool ContainsAddress(IPAddress ip) => Prefixes.Contains(ip);

    public bool ContainsAsn(int asn) => _asns.Contains(asn);

    public static DprkNetwork Parse(TextReader reader) => Parse(reader, "input");

    /// <summary>Parses the CSV of the named source (a file path in error messages).</summary>
    public static DprkNetwork Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = Csv.ReadValues(reader).Select(r => r.ToList()).ToList();
        if (records.Count == 0)
        {
            throw new FormatException($"{source}: empty file, expected a 'kind,value,detail,status,source' header.");
        }

        var header = records[0];
        var kindColumn = header.FindIndex(h => h.Trim() == "kind");
        var valueColumn = header.FindIndex(h => h.Trim() == "value");
        var statusColumn = header.FindIndex(h => h.Trim() == "status");
        if (kindColumn < 0 || valueColumn < 0 || statusColumn < 0)
        {
            throw new FormatException($"{source}: header must name the columns kind, value and status.");
        }

        var prefixes = new List<string>();
        var asns = new HashSet<int>();
        var needed = Math.Max(kindColumn, Math.Max(valueColumn, statusColumn));
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (record.Count <= needed)
            {
                throw new FormatException($"{source}, record {r + 1}: expected at least {needed + 1} fields, found {record.Count}.");
            }

            if (record[statusColumn].Trim() != "current")
            {
                continue;
            }

            var kind = record[kindColumn].Trim();
            var value = record[valueColumn];
            switch (kind)
            {
                case "ipv4_prefix":
                case "ipv6_prefix":
                    foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        prefixes.Add(part);
                    }

                    break;
                case "asn":
                    foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var digits = part.StartsWith("AS", StringComparison.OrdinalIgnoreCase) ? part[2..] : part;
                        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
                        {
                            throw new FormatException($"{source}, record {r + 1}: '{part}' is not an ASN.");
                        }

                        asns.Add(asn);
                    }

                    break;
            }
        }

        CidrRanges ranges;
        try
        {
            ranges = CidrRanges.Parse(prefixes);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: a current prefix row is not a CIDR block ({e.Message}).", e);
        }

        return new DprkNetwork(ranges, prefixes, asns.ToFrozenSet());
    }
}
