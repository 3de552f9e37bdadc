using System.Collections.Frozen;
using System.Net;

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
