using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;
using HireVet.Application.ReferenceData.Network;
using HireVet.Application.ReferenceData.Sanctions;
using HireVet.Infrastructure.ReferenceData.Banking;
using HireVet.Infrastructure.ReferenceData.Sanctions;
using Microsoft.Extensions.Configuration;

namespace HireVet.Infrastructure.ReferenceData;

/// <summary>Every dataset HireVet reads: where its files are, whose it is, how to tell its date, how to load it.
/// Datasets load in parallel; one that fails is reported with its error and leaves the others alone. Parsed values are
/// reused while their files are unchanged (same size and time), so a reload after dropping in one new file re-reads
/// only that one, and several hosts in one process share the tables.</summary>
public sealed class ReferenceDataCatalog(ReferenceDataOptions options, IConfiguration configuration, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<string, (string Stamp, Loaded Value)> Cache = new();

    private sealed record Loaded(object Value, long Rows, string? AsOf);

    private sealed record Definition(
        string Name, string Description, string Licence, string Attribution, string Source, string[] Files,
        Func<string[], Loaded> Load);

    /// <summary>A list of networks (ASNs and address ranges) of one kind.</summary>
    public sealed record NetworkList(AsnList Asns, CidrRanges Ranges);

    public async Task<ReferenceSnapshot> LoadAsync(CancellationToken ct)
    {
        var definitions = Definitions();
        var results = await Task.WhenAll(definitions.Select(d => Task.Run(() => LoadOne(d), ct)));
        var infos = results.Select(r => r.Info).ToList();
        var values = results.Where(r => r.Value is not null).ToDictionary(r => r.Info.Name, r => r.Value!);

        infos.Add(Compose(Datasets.Network, "IP enrichment: ASN, organisation, registered country, hosting, VPN, DPRK",
            [Datasets.IpAsn, Datasets.IpCountry, Datasets.HostingNetworks, Datasets.VpnNetworks, Datasets.DprkNetwork], infos, values,
            v => new NetworkIntelligence(
                (IpRangeTable)v[Datasets.IpAsn], (IpRangeTable)v[Datasets.IpCountry],
                ((NetworkList)v[Datasets.HostingNetworks]).Asns, ((NetworkList)v[Datasets.VpnNetworks]).Asns,
                ((NetworkList)v[Datasets.HostingNetworks]).Ranges, ((NetworkList)v[Datasets.VpnNetworks]).Ranges,
                (DprkNetwork)v[Datasets.DprkNetwork])));
        return new ReferenceSnapshot(infos, values);
    }

    private IReadOnlyList<Definition> Definitions()
    {
        string Npm(params string[] parts) => Path.Combine([options.NpmModules, .. parts]);
        string Shared(params string[] parts) => Path.Combine([options.SharedData, .. parts]);
        const string x4bLicence = "MIT, Copyright (c) 2024 X4B (Mathew Heard)";

        return
        [
            new(Datasets.IpAsn, "IP ranges to autonomous system and organisation (RouteViews, DB-IP ASN Lite)",
                "CC BY 4.0", "IP data by DB-IP (db-ip.com), RouteViews and the NRO", "npm @ip-location-db/asn",
                [Npm("@ip-location-db", "asn", "asn-ipv4-num.csv"), Npm("@ip-location-db", "asn", "asn-ipv6-num.csv"), Npm("@ip-location-db", "asn", "package.json")],
                f => { var t = ReferenceDataFiles.IpAsns(f[0], f[1]); return new(t, t.Count, NpmDataDate(f[2])); }),
            new(Datasets.IpCountry, "IP ranges to registered country (RIR delegations)",
                "CC BY 4.0", "NRO delegation data via @ip-location-db", "npm @ip-location-db/asn-country",
                [Npm("@ip-location-db", "asn-country", "asn-country-ipv4-num.csv"), Npm("@ip-location-db", "asn-country", "asn-country-ipv6-num.csv"),
                 Npm("@ip-location-db", "asn-country", "package.json")],
                f => { var t = ReferenceDataFiles.IpCountries(f[0], f[1]); return new(t, t.Count, NpmDataDate(f[2])); }),
            new(Datasets.HostingNetworks, "Hosting and datacenter networks (\"not an eyeball network\"): ASNs and address ranges",
                x4bLicence, "X4BNet/lists_vpn", "../shared/data/network/x4bnet (upstream commit 167937a, 2026-08-22)",
                [Shared("network", "x4bnet", "input", "datacenter", "ASN.txt"), Shared("network", "x4bnet", "output", "datacenter", "ipv4.txt"),
                 Shared("network", "x4bnet", "output", "datacenter", "ipv6.txt")],
                f => Networks(f, "2026-08-22")),
            new(Datasets.VpnNetworks, "Known VPN providers (and Apple iCloud Private Relay): ASNs and address ranges",
                x4bLicence, "X4BNet/lists_vpn", "../shared/data/network/x4bnet (upstream commit 167937a, 2026-08-22)",
                [Shared("network", "x4bnet", "input", "vpn", "ASN.txt"), Shared("network", "x4bnet", "output", "vpn", "ipv4.txt"),
                 Shared("network", "x4bnet", "output", "vpn", "ipv6.txt")],
                f => Networks(f, "2026-08-22")),
            new(Datasets.DprkNetwork, "DPRK network facts: 175.45.176.0/22 and AS131279 (current rows only)",
                "facts; CC BY 4.0 attribution for rows drawn from @ip-location-db", "APNIC, RouteViews, DB-IP, NRO (see the file's source column)",
                "../shared/data/network/dprk-network.csv",
                [Shared("network", "dprk-network.csv")],
                f => { var d = ReferenceDataFiles.Dprk(f[0]); return new(d, d.PrefixTexts.Count + d.Asns.Count, "2026-11"); }),
            new(Datasets.OfacSdn, "OFAC Specially Designated Nationals list (SDN Advanced XML): names, aliases, programmes, dates of birth, countries, emails, websites",
                "US Government work, public domain", "OFAC SDN list",
                $"../shared/data/ofac/{string.Join(" + ", SdnFiles().Select(Path.GetFileName))} (drop a fresh sdn_advanced.xml or .xml.gz from OFAC there, or the legacy sdn.csv with alt.csv, add.csv and sdn_comments.csv; the XML wins when both are present)",
                SdnFiles(),
                f => { var list = ReadSdn(f[0]); return new(SanctionsIndex.Build(list), list.Entries.Count, list.DateOfIssue); }),
            new(Datasets.OfacCryptoAddresses, "Digital-currency addresses on the OFAC SDN list, with the DPRK-linked subset",
                "public domain (OFAC); list tool MIT, Copyright (c) 2021 0xB10C", "OFAC via 0xB10C/ofac-sanctioned-digital-currency-addresses (brave-intl fork)",
                "../shared/data/crypto",
                [.. CryptoFiles()],
                f => { var a = ReferenceDataFiles.SanctionedAddresses(Path.GetDirectoryName(f[0])!, null); return new(a, a.Count, "2025-11-19"); }),
            new(Datasets.PhoneMetadata, "Telephone numbering plans: calling codes, national number patterns and number types (mobile, fixed, VoIP...)",
                "MIT (libphonenumber-js); metadata Apache-2.0 (Google libphonenumber)", "libphonenumber-js 1.13.16", "npm libphonenumber-js",
                [Npm("libphonenumber-js", "metadata.max.json"), Npm("libphonenumber-js", "package.json")],
                f => { var m = ReferenceDataFiles.Phones(f[0]); return new(m, m.Count, NpmVersion(f[1])); }),
            new(Datasets.DisposableEmailDomains, "Disposable (throw-away) email domains",
                "CC0-1.0", "disposable-email-domains project", "npm disposable-email-domains-js",
                [Npm("disposable-email-domains-js", "dist", "dict", "disposable_email_blocklist.json"), Npm("disposable-email-domains-js", "package.json")],
                f => { var l = ReferenceDataFiles.Domains(f[0]); return new(l, l.Count, NpmVersion(f[1])); }),
            new(Datasets.FreeEmailDomains, "Free webmail domains (gmail.com, outlook.com, proton.me, qq.com...)",
                "ISC", "email-providers", "npm email-providers",
                [Npm("email-providers", "all.json"), Npm("email-providers", "package.json")],
                f => { var l = ReferenceDataFiles.Domains(f[0]); return new(l, l.Count, NpmVersion(f[1])); }),
            new(Datasets.IbanSpecs, "IBAN formats per country: length, BBAN structure, SWIFT IBAN Registry and SEPA membership (countries listed without an IBAN have none)",
                "MIT or MPL-2.0 (ibantools, Copyright (c) Saša Jovanić)", "ibantools (facts from the SWIFT IBAN Registry and national banks)", "npm ibantools (countrySpecs in its script)",
                [IbantoolsScript(), Npm("ibantools", "package.json")],
                f => { var s = IbanSpecsScript.Load(f[0]); return new(s, s.Count, NpmVersion(f[1])); }),
            new(Datasets.TimeZones, "Countries of each IANA time zone (tz database zone1970.tab and zone.tab)",
                "public domain", "IANA tz database via Debian tzdata", "/usr/share/zoneinfo",
                ["/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"],
                f => { var z = ReferenceDataFiles.TimeZones(f); return new(z, z.Count, TzdataVersion()); }),
        ];

        // A plain download from OFAC wins over the compressed copy shipped in shared/data, and the advanced XML over
        // the legacy CSV set (it is complete: no truncated remarks, non-Latin names, a date of issue).
        string[] SdnFiles()
        {
            if (File.Exists(Shared("ofac", "sdn_advanced.xml"))) return [Shared("ofac", "sdn_advanced.xml")];
            var legacy = Shared("ofac", SdnLegacyCsv.SdnFileName);
            if (!File.Exists(Shared("ofac", "sdn_advanced.xml.gz")) && File.Exists(legacy)) return [legacy, .. SdnLegacyCsv.Companions(legacy)];
            return [Shared("ofac", "sdn_advanced.xml.gz")];
        }

        // ibantools ships the same table as CommonJS (build/) and as an ES module (jsnext/); either will do.
        string IbantoolsScript() => File.Exists(Npm("ibantools", "build", "ibantools.js")) || !File.Exists(Npm("ibantools", "jsnext", "ibantools.js"))
            ? Npm("ibantools", "build", "ibantools.js")
            : Npm("ibantools", "jsnext", "ibantools.js");

        IEnumerable<string> CryptoFiles()
        {
            var dir = Shared("crypto");
            var lists = Directory.Exists(dir) ? Directory.GetFiles(dir, "sanctioned_addresses_*.txt").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
            return [Shared("crypto", "dprk-addresses.csv"), .. lists];
        }
    }

    /// <summary>The legacy CSV set has no date of issue; the date the operator's copy of sdn.csv was written stands
    /// in for it (ReferenceData:AsOf:ofac-sdn overrides it).</summary>
    private static SdnList ReadSdn(string file) =>
        file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? SdnLegacyCsv.ReadFile(file, File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : SdnAdvancedXml.ReadFile(file);

    private static Loaded Networks(string[] files, string asOf)
    {
        var list = new NetworkList(ReferenceDataFiles.Asns(files[0]), ReferenceDataFiles.Cidrs(files[1], files[2]));
        return new(list, list.Asns.Count + list.Ranges.Count, asOf);
    }

    /// <summary>The @ip-location-db packages encode their data date in the version: 2.3.2026061719 is 2026-06-17.</summary>
    private static string? NpmDataDate(string packageJson)
    {
        var stamp = PackageVersion(packageJson)?.Split('.').Last();
        return stamp is { Length: >= 8 } ? $"{stamp[..4]}-{stamp[4..6]}-{stamp[6..8]}" : null;
    }

    /// <summary>The tz database release, from tzdata.zi's first line ("# version 2025b").</summary>
    private static string? TzdataVersion()
    {
        const string zi = "/usr/share/zoneinfo/tzdata.zi";
        return File.Exists(zi) ? File.ReadLines(zi).FirstOrDefault()?.Replace("# version ", "tzdata ") : null;
    }

    /// <summary>Packages that do not date their data are described by their version.</summary>
    private static string NpmVersion(string packageJson) => $"version {PackageVersion(packageJson)}";

    private static string? PackageVersion(string packageJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(packageJson));
        return doc.RootElement.GetProperty("version").GetString();
    }

    private (DatasetInfo Info, object? Value) LoadOne(Definition d)
    {
        var info = new DatasetInfo
        {
            Name = d.Name, Description = d.Description, Licence = d.Licence, Attribution = d.Attribution, Source = d.Source,
        };
        var missing = d.Files.Where(f => !File.Exists(f)).ToArray();
        if (missing.Length > 0) return (info with { Status = "missing", Error = $"Not found: {string.Join(", ", missing)}" }, null);

        var started = Stopwatch.GetTimestamp();
        try
        {
            var stamp = string.Join('|', d.Files.Select(f => { var fi = new FileInfo(f); return $"{fi.FullName}:{fi.Length}:{fi.LastWriteTimeUtc.Ticks}"; }));
            var loaded = Cache.TryGetValue(d.Name, out var cached) && cached.Stamp == stamp ? cached.Value : d.Load(d.Files);
            Cache[d.Name] = (stamp, loaded);
            return (info with
            {
                Status = "loaded", Rows = loaded.Rows, AsOf = configuration[$"ReferenceData:AsOf:{d.Name}"] ?? loaded.AsOf,
                LoadedAt = clock.GetUtcNow(), LoadMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            }, loaded.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (info with { Status = "error", Error = e.Message }, null);
        }
    }

    /// <summary>A dataset built from others: loaded when all of them are, otherwise "missing" naming the first that is not.</summary>
    private static DatasetInfo Compose(string name, string description, string[] parts, List<DatasetInfo> infos,
        Dictionary<string, object> values, Func<Dictionary<string, object>, object> build)
    {
        var info = new DatasetInfo { Name = name, Description = $"{description} (combines {string.Join(", ", parts)})", Source = "derived" };
        var absent = infos.FirstOrDefault(i => parts.Contains(i.Name) && !i.IsLoaded);
        if (absent is not null) return info with { Status = "missing", Error = $"needs {absent.Name}, which is {absent.Status}: {absent.Error}" };
        values[name] = build(values);
        return info with
        {
            Status = "loaded", Rows = parts.Sum(p => infos.First(i => i.Name == p).Rows),
            AsOf = parts.Select(p => infos.First(i => i.Name == p).AsOf).Where(a => a is not null).Min(),
            LoadedAt = infos.Where(i => parts.Contains(i.Name)).Max(i => i.LoadedAt),
        };
    }
}
