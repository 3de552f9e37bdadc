using HireVet.Application.ReferenceData.Contact;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.ReferenceData;

/// <summary>Names of the reference datasets, as checks ask for them and as /api/reference-data lists them.</summary>
public static class Datasets
{
    public const string IpAsn = "ip-asn";
    public const string IpCountry = "ip-country";
    public const string HostingNetworks = "hosting-networks";
    public const string VpnNetworks = "vpn-networks";
    public const string DprkNetwork = "dprk-network";
    public const string Network = "network-intelligence";
    public const string OfacSdn = "ofac-sdn";
    public const string OfacCryptoAddresses = "ofac-crypto-addresses";
    public const string PhoneMetadata = "phone-metadata";
    public const string TimeZones = "time-zones";
    public const string DisposableEmailDomains = "disposable-email-domains";
    public const string FreeEmailDomains = "free-email-domains";
    public const string IbanSpecs = "iban-specs";
}
