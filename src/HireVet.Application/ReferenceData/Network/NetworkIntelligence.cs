using System.Collections.Frozen;
using System.Net;
using System.Runtime.ExceptionServices;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// Answers "what network is this IP on?" from the offline reference data: ASN and organisation
/// (<c>@ip-location-db/asn</c>), registered country (<c>@ip-location-db/asn-country</c>), hosting and VPN
/// classification (X4BNet lists_vpn ASN lists and CIDR outputs) and the current DPRK prefixes and ASNs
/// (<c>dprk-network.csv</c>). Immutable and thread-safe once built; <see cref="Enrich"/> performs only lookups.
/// </summary>
public sealed class NetworkIntelligence
{
    /// <summary>The label <see cref="IpInfo.VpnProvider"/> carries for iCloud Private Relay egress addresses.</summary>
    public const string ICloudPrivateRelayProvider = "iCloud Private Relay";

    /// <summary>
    /// ASNs that announce Apple iCloud Private Relay egress addresses. X4BNet's VPN CIDRs include Apple's published
    /// egress list (<c>input/vpn/ips/apple.txt</c>); in the 2026-08-22 snapshot those ranges are announced by
    /// Cloudflare (AS13335, 104.28.0.0/16), Akamai (AS36183 and AS20940, 172.224.0.0-172.226.255.255) and Fastly
    /// (AS54113, 140.248.0.0/16 and 146.75.0.0/16); none by Apple's own AS714/AS6185, which are kept in case Apple
    /// egresses itself. None of these operators sells a consumer VPN, and no other provider's VPN CIDRs fall in them,
    /// so "VPN CIDR and one of these ASNs" identifies the relay.
    /// </summary>
    public static IReadOnlySet<int> PrivateRelayEgressAsns { get; } = FrozenSet.ToFrozenSet([714, 6185, 13335, 20940, 36183, 54113]);

    public NetworkIntelligence(
        IpRangeTable asns,
        IpRangeTable countries,
        AsnList datacenterAsns,
        AsnList vpnAsns,
        CidrRanges datacenterRanges,
        CidrRanges vpnRanges,
        DprkNetwork dprk)
    {
        Asns = asns ?? throw new ArgumentNullException(nameof(asns));
        Countries = countries ?? throw new ArgumentNullException(nameof(countries));
        DatacenterAsns = datacenterAsns ?? throw new ArgumentNullException(nameof(datacenterAsns));
        VpnAsns = vpnAsns ?? throw new ArgumentNullException(nameof(vpnAsns));
        DatacenterRanges = datacenterRanges ?? throw new ArgumentNullException(nameof(datacenterRanges));
        VpnRanges = vpnRanges ?? throw new ArgumentNullException(nameof(vpnRanges));
        Dprk = dprk ?? throw new ArgumentNullException(nameof(dprk));
    }

    public IpRangeTable Asns { get; }

    public IpRangeTable Countries { get; }

    public AsnList DatacenterAsns { get; }

    public AsnList VpnAsns { get; }

    public CidrRanges DatacenterRanges { get; }

    public CidrRanges VpnRanges { get; }

    public DprkNetwork Dprk { get; }

    /// <summary>
    /// Loads every dataset from its standard location, the larger tables in parallel:
    /// <list type="bullet">
    /// <item><c>{npmModulesDir}/@ip-location-db/asn/asn-ipv4-num.csv</c>, <c>asn-ipv6-num.csv</c></item>
    /// <item><c>{npmModulesDir}/@ip-location-db/asn-country/asn-country-ipv4-num.csv</c>, <c>asn-country-ipv6-num.csv</c></item>
    /// <item><c>{sharedDataDir}/network/x4bnet/input/{datacenter,vpn}/ASN.txt</c></item>
    /// <item><c>{sharedDataDir}/network/x4bnet/output/{datacenter,vpn}/ipv4.txt</c>, <c>ipv6.txt</c></item>
    /// <item><c>{sharedDataDir}/network/dprk-network.csv</c></item>
    /// </list>
    /// A missing or malformed file throws (<see cref="FileNotFoundException"/>, <see cref="DirectoryNotFoundException"/>
    /// or <see cref="FormatException"/>).
    /// </summary>
    public static NetworkIntelligence Load(string npmModulesDir, string sharedDataDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(npmModulesDir);
        ArgumentException.ThrowIfNullOrEmpty(sharedDataDir);
        var asnDir = Path.Combine(npmModulesDir, "@ip-location-db", "asn");
        var countryDir = Path.Combine(npmModulesDir, "@ip-location-db", "asn-country");
        var x4b = Path.Combine(sharedDataDir, "network", "x4bnet");

        IpRangeTable? asns = null;
        IpRangeTable? countries = null;
        AsnList? datacenterAsns = null;
        AsnList? vpnAsns = null;
        CidrRanges? datacenterRanges = null;
        CidrRanges? vpnRanges = null;
        DprkNetwork? dprk = null;
        try
        {
            Parallel.Invoke(
                () => asns = IpRangeTable.LoadAsn(Path.Combine(asnDir, "asn-ipv4-num.csv"), Path.Combine(asnDir, "asn-ipv6-num.csv")),
                () => countries = IpRangeTable.LoadCountry(
                    Path.Combine(countryDir, "asn-country-ipv4-num.csv"), Path.Combine(countryDir, "asn-country-ipv6-num.csv")),
                () =>
                {
                    datacenterRanges = CidrRanges.Load(
                        Path.Combine(x4b, "output", "datacenter", "ipv4.txt"), Path.Combine(x4b, "output", "datacenter", "ipv6.txt"));
                    vpnRanges = CidrRanges.Load(Path.Combine(x4b, "output", "vpn", "ipv4.txt"), Path.Combine(x4b, "output", "vpn", "ipv6.txt"));
                    datacenterAsns = AsnList.Load(Path.Combine(x4b, "input", "datacenter", "ASN.txt"));
                    vpnAsns = AsnList.Load(Path.Combine(x4b, "input", "vpn", "ASN.txt"));
                    dprk = DprkNetwork.Load(Path.Combine(sharedDataDir, "network", "dprk-network.csv"));
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return new NetworkIntelligence(asns!, countries!, datacenterAsns!, vpnAsns!, datacenterRanges!, vpnRanges!, dprk!);
    }

    public IpInfo Enrich(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (IpNumbers.TryGetIPv4(ip, out var v4))
        {
            var hasAsn = Asns.TryFind(v4, out var asn, out var organisation);
            var country = Countries.TryFind(v4, out _, out var code) ? code : null;
            return Classify(
                ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip,
                hasAsn ? asn : null,
                organisation,
                country,
                DatacenterRanges.Contains(v4),
                VpnRanges.Contains(v4),
                Dprk.Prefixes.Contains(v4));
        }

        if (IpNumbers.TryGetIPv6(ip, out var v6))
        {
            var hasAsn = Asns.TryFind(v6, out var asn, out var organisation);
            var country = Countries.TryFind(v6, out _, out var code) ? code : null;
            return Classify(
                ip,
                hasAsn ? asn : null,
                organisation,
                country,
                DatacenterRanges.Contains(v6),
                VpnRanges.Contains(v6),
                Dprk.Prefixes.Contains(v6));
        }

        throw new ArgumentException($"Not an IPv4 or IPv6 address: {ip.AddressFamily}.", nameof(ip));
    }

    private IpInfo Classify(
        IPAddress ip, int? asn, string? organisation, string? country, bool inDatacenterRanges, bool inVpnRanges, bool inDprkPrefix)
    {
        var datacenterAsn = asn is { } a1 && DatacenterAsns.Contains(a1);
        var vpnAsn = asn is { } a2 && VpnAsns.Contains(a2);
        var relay = inVpnRanges && asn is { } a3 && PrivateRelayEgressAsns.Contains(a3);
        var provider = relay ? ICloudPrivateRelayProvider : vpnAsn ? VpnAsns.NameOf(asn!.Value) : null;
        return new IpInfo(
            Ip: ip.ToString(),
            Asn: asn,
            Organisation: organisation,
            Country: country,
            IsHosting: datacenterAsn || inDatacenterRanges,
            IsVpn: vpnAsn || inVpnRanges,
            VpnProvider: provider,
            IsICloudPrivateRelay: relay,
            IsDprk: inDprkPrefix || (asn is { } a4 && Dprk.ContainsAsn(a4)));
    }
}
