using System.Net;
using HireVet.Application.ReferenceData.Network;
using HireVet.Quality.Running;

namespace HireVet.Quality.Corpus;

/// <summary>IP addresses drawn from real allocations: residential ISPs by ASN (rows of @ip-location-db/asn), consumer
/// VPN exits and Apple's relay (X4BNet's VPN list), hosting providers, China/Russia ISPs and the DPRK block. Every
/// address is checked with HireVet's own network intelligence before use, so a "residential US" address really is
/// registered in the US and on no VPN or hosting list: the corpus tests the rules, not the reference data's gaps.</summary>
public sealed class IpPools
{
    /// <summary>Consumer VPN operators on X4BNet's VPN ASN list: M247 (NordVPN), Surfshark, NordVPN, Packethub, ProtonVPN, Datacamp.</summary>
    private static readonly int[] VpnAsns = [9009, 209854, 136787, 207137, 208172, 212238];
    /// <summary>DigitalOcean, Amazon, Hetzner, OVH, Vultr, Linode.</summary>
    private static readonly int[] HostingAsns = [14061, 16509, 24940, 16276, 20473, 63949];
    /// <summary>Chinanet, China Unicom, China Mobile; Rostelecom, MTS.</summary>
    private static readonly Dictionary<string, int[]> MainlandAsns = new() { ["CN"] = [4134, 4837, 9808], ["RU"] = [12389, 8359] };

    private readonly NetworkIntelligence _network;
    private readonly Dictionary<int, (uint Start, uint End)[]> _byAsn;
    private readonly (uint Start, uint End)[] _vpnCidrs;
    private readonly (uint Start, uint End)[] _relayCidrs;
    private readonly HashSet<string> _taken = [];
    // The ranges of an ASN list, joined once: joining them on every draw allocated large arrays (a big ISP has thousands
    // of ranges), which dominated generating a million people. Keyed by the list itself (they are static arrays).
    private readonly Dictionary<int[], (uint Start, uint End)[]> _rangesOf = new(ReferenceEqualityComparer.Instance);

    private IpPools(NetworkIntelligence network, Dictionary<int, (uint, uint)[]> byAsn, (uint, uint)[] vpnCidrs, (uint, uint)[] relayCidrs) =>
        (_network, _byAsn, _vpnCidrs, _relayCidrs) = (network, byAsn, vpnCidrs, relayCidrs);

    public static IpPools Load(NetworkIntelligence network)
    {
        var wanted = Countries.All.SelectMany(c => c.ResidentialAsns).Concat(VpnAsns).Concat(HostingAsns)
            .Concat(MainlandAsns.Values.SelectMany(a => a)).ToHashSet();
        var byAsn = new Dictionary<int, List<(uint, uint)>>();
        foreach (var line in File.ReadLines(Paths.AsnCsv))
        {
            // start,end,asn,organisation (numeric IPv4 bounds)
            var parts = line.Split(',', 4);
            if (parts.Length < 3 || !int.TryParse(parts[2], out var asn) || !wanted.Contains(asn)) continue;
            if (!uint.TryParse(parts[0], out var start) || !uint.TryParse(parts[1], out var end) || end - start < 16) continue;
            (byAsn.TryGetValue(asn, out var list) ? list : byAsn[asn] = []).Add((start, end));
        }
        var vpnFile = Path.Combine(Paths.SharedData, "network", "x4bnet", "output", "vpn", "ipv4.txt");
        var cidrs = File.ReadLines(vpnFile).Select(Cidr).OfType<(uint, uint)>().ToArray();
        var relay = cidrs.Where(c => c.Item1 >> 16 == (104u << 8 | 28u)).ToArray(); // 104.28.0.0/16: Apple's relay via Cloudflare
        return new IpPools(network, byAsn.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), cidrs, relay);
    }

    private static (uint, uint)? Cidr(string line)
    {
        var parts = line.Trim().Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || !int.TryParse(parts[1], out var bits) || bits < 8) return null;
        var bytes = ip.GetAddressBytes();
        if (bytes.Length != 4) return null;
        var start = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        return (start, start + (uint)((1L << (32 - bits)) - 1));
    }

    /// <summary>A home or mobile connection in the country, never handed out twice (strangers do not share one).</summary>
    public string Residential(Random rng, Country country) => Residential(rng, country.Code, country.ResidentialAsns);

    /// <summary>A residential address of a Chinese or Russian ISP (CN or RU).</summary>
    public string Mainland(Random rng, string country) => Residential(rng, country, MainlandAsns[country]);

    private string Residential(Random rng, string country, int[] asns) =>
        FromAsns(rng, asns, i => i.Country == country && !i.IsVpn && !i.IsHosting && !i.IsDprk && !i.IsICloudPrivateRelay, unique: true);

    /// <summary>A consumer VPN exit (shared by design: a VPN's customers share its exits).</summary>
    public string Vpn(Random rng) => rng.Next(2) == 0
        ? FromAsns(rng, VpnAsns, i => i.IsVpn && !i.IsICloudPrivateRelay, unique: false)
        : FromRanges(rng, _vpnCidrs, i => i.IsVpn && !i.IsICloudPrivateRelay);

    public string ApplePrivateRelay(Random rng) => FromRanges(rng, _relayCidrs, i => i.IsICloudPrivateRelay);

    public string Hosting(Random rng) => FromAsns(rng, HostingAsns, i => i.IsHosting && !i.IsVpn, unique: false);

    public string Dprk(Random rng) => FromRanges(rng, [(0xAF2DB000u, 0xAF2DB3FFu)], i => i.IsDprk); // 175.45.176.0/22

    private string FromAsns(Random rng, int[] asns, Func<IpInfo, bool> accept, bool unique)
    {
        if (!_rangesOf.TryGetValue(asns, out var ranges))
            _rangesOf[asns] = ranges = asns.Where(_byAsn.ContainsKey).SelectMany(a => _byAsn[a]).ToArray();
        if (ranges.Length == 0) throw new InvalidOperationException($"No address ranges for AS{string.Join(", AS", asns)} in {Paths.AsnCsv}.");
        return FromRanges(rng, ranges, accept, unique);
    }

    private string FromRanges(Random rng, (uint Start, uint End)[] ranges, Func<IpInfo, bool> accept, bool unique = false)
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            var (start, end) = ranges[rng.Next(ranges.Length)];
            var value = start + (uint)(rng.NextInt64(end - start + 1));
            if ((value & 0xFF) is 0 or 255) continue;
            var ip = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
            var text = ip.ToString();
            if (unique && _taken.Contains(text)) continue;
            if (!accept(_network.Enrich(ip))) continue;
            if (unique) _taken.Add(text);
            return text;
        }
        throw new InvalidOperationException("No address in the given ranges passed the network classification (after 2,000 tries).");
    }
}
