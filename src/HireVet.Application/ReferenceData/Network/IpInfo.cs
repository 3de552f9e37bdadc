namespace HireVet.Application.ReferenceData.Network;

/// <summary>What the network reference data says about one IP address.</summary>
/// <param name="Ip">The address in canonical text form; an IPv4-mapped IPv6 address is given as IPv4.</param>
/// <param name="Asn">Originating autonomous system, or null when no table row covers the address (private,
/// reserved or unrouted space).</param>
/// <param name="Organisation">The AS organisation name from the ASN table.</param>
/// <param name="Country">Registered country of the address block (ISO 3166-1 alpha-2, RIR delegation data): where
/// the holder registered it, not necessarily where the user is.</param>
/// <param name="IsHosting">The ASN is in the X4BNet datacenter ASN list, or the address is in its datacenter CIDRs
/// ("not an eyeball network": hosting, cloud, CDN, VPN).</param>
/// <param name="IsVpn">The ASN is in the X4BNet VPN ASN list, or the address is in its VPN CIDRs. True for Apple
/// iCloud Private Relay egress as well; see <see cref="IsICloudPrivateRelay"/>.</param>
/// <param name="VpnProvider">The provider when known: the VPN list's comment for the ASN (e.g. "M247, GB
/// (NordVPN)"), or "iCloud Private Relay".</param>
/// <param name="IsICloudPrivateRelay">The address is an Apple iCloud Private Relay egress address: in the VPN CIDRs and
/// announced by one of the relay's egress operators (Akamai, Cloudflare, Fastly) or Apple. A mainstream privacy
/// feature, to be weighted well below a commercial VPN.</param>
/// <param name="IsDprk">Inside a current North Korean prefix (175.45.176.0/22) or announced by a current North
/// Korean ASN (AS131279).</param>
public sealed record IpInfo(
    string Ip,
    int? Asn,
    string? Organisation,
    string? Country,
    bool IsHosting,
    bool IsVpn,
    string? VpnProvider,
    bool IsICloudPrivateRelay,
    bool IsDprk);
