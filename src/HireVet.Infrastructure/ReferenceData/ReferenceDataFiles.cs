using System.Runtime.ExceptionServices;
using System.Text;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;
// The method SanctionedAddresses below hides the type of that name inside this class.
using AddressIndex = HireVet.Application.ReferenceData.Sanctions.SanctionedAddresses;

namespace HireVet.Infrastructure.ReferenceData;

/// <summary>Reads the reference datasets from their files: opens each file and hands its content to the index that
/// parses it (the indexes in Application never touch a file). A missing file throws <see cref="FileNotFoundException"/>
/// or <see cref="DirectoryNotFoundException"/>; a malformed one <see cref="FormatException"/> naming the file.</summary>
public static class ReferenceDataFiles
{
    /// <summary>ip-location-db's <c>asn-ipv4-num.csv</c> and <c>asn-ipv6-num.csv</c>.</summary>
    public static IpRangeTable IpAsns(string ipv4Path, string ipv6Path)
    {
        using var v4 = OpenSequential(ipv4Path);
        using var v6 = OpenSequential(ipv6Path);
        return IpRangeTable.LoadAsn(v4, v6, ipv4Path, ipv6Path);
    }

    /// <summary>ip-location-db's <c>asn-country-ipv4-num.csv</c> and <c>asn-country-ipv6-num.csv</c>.</summary>
    public static IpRangeTable IpCountries(string ipv4Path, string ipv6Path)
    {
        using var v4 = OpenSequential(ipv4Path);
        using var v6 = OpenSequential(ipv6Path);
        return IpRangeTable.LoadCountry(v4, v6, ipv4Path, ipv6Path);
    }

    /// <summary>One or more CIDR list files, merged (typically an <c>ipv4.txt</c> and an <c>ipv6.txt</c>).</summary>
    public static CidrRanges Cidrs(params string[] paths) => CidrRanges.Merge([.. paths.Select(p => (p, File.ReadLines(p)))]);

    public static AsnList Asns(string path) => AsnList.Parse(File.ReadLines(path), path);

    public static DprkNetwork Dprk(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return DprkNetwork.Parse(reader, path);
    }

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
    public static NetworkIntelligence Network(string npmModulesDir, string sharedDataDir)
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
                () => asns = IpAsns(Path.Combine(asnDir, "asn-ipv4-num.csv"), Path.Combine(asnDir, "asn-ipv6-num.csv")),
                () => countries = IpCountries(
                    Path.Combine(countryDir, "asn-country-ipv4-num.csv"), Path.Combine(countryDir, "asn-country-ipv6-num.csv")),
                () =>
                {
                    datacenterRanges = Cidrs(
                        Path.Combine(x4b, "output", "datacenter", "ipv4.txt"), Path.Combine(x4b, "output", "datacenter", "ipv6.txt"));
                    vpnRanges = Cidrs(Path.Combine(x4b, "output", "vpn", "ipv4.txt"), Path.Combine(x4b, "output", "vpn", "ipv6.txt"));
                    datacenterAsns = Asns(Path.Combine(x4b, "input", "datacenter", "ASN.txt"));
                    vpnAsns = Asns(Path.Combine(x4b, "input", "vpn", "ASN.txt"));
                    dprk = Dprk(Path.Combine(sharedDataDir, "network", "dprk-network.csv"));
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return new NetworkIntelligence(asns!, countries!, datacenterAsns!, vpnAsns!, datacenterRanges!, vpnRanges!, dprk!);
    }

    public static DomainList Domains(string path) => DomainList.ParseText(File.ReadAllText(path), path);

    /// <summary>libphonenumber-js's <c>metadata.max.json</c>.</summary>
    public static PhoneMetadata Phones(string path)
    {
        using var stream = File.OpenRead(path);
        return PhoneMetadata.Parse(stream, path);
    }

    /// <summary>The tz database's <c>zone1970.tab</c> and <c>zone.tab</c>.</summary>
    public static TimeZoneCountries TimeZones(params string[] paths) => TimeZoneCountries.Parse(paths.SelectMany(File.ReadLines));

    /// <summary>Every <c>sanctioned_addresses_&lt;TICKER&gt;.txt</c> in the directory, with owners from
    /// <paramref name="sdn"/> or, without it, from the directory's <c>dprk-addresses.csv</c>.</summary>
    public static AddressIndex SanctionedAddresses(string cryptoDirectory, SdnList? sdn)
    {
        var lists = Directory.GetFiles(cryptoDirectory, AddressIndex.ListPrefix + "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path)[AddressIndex.ListPrefix.Length..],
                File.ReadLines(path)));
        var dprk = Path.Combine(cryptoDirectory, AddressIndex.DprkFileName);
        return AddressIndex.Build(lists, sdn, File.Exists(dprk) ? File.ReadLines(dprk) : null);
    }

    private static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
