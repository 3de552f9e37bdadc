using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Contact;
using HireVet.Infrastructure.ReferenceData;

namespace HireVet.UnitTests.ReferenceData.Contact;

/// <summary>The real contact reference data from the pinned npm packages under <c>data/npm/node_modules</c>, loaded
/// once per test process.</summary>
internal static class ContactData
{
    private static readonly Lazy<string> NpmModules = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HireVet.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("HireVet.sln not found above the test output folder."),
            "data", "npm", "node_modules");
    });

    /// <summary>The installed npm packages (data/npm/node_modules of the checkout).</summary>
    public static string NpmModulesPath => NpmModules.Value;

    public static string PhoneMetadataPath => Path.Combine(NpmModules.Value, "libphonenumber-js", "metadata.max.json");
    public static string DisposablePath => Path.Combine(NpmModules.Value, "disposable-email-domains-js", "dist", "dict", "disposable_email_blocklist.json");
    public static string FreeMailPath => Path.Combine(NpmModules.Value, "email-providers", "all.json");

    private static readonly Lazy<PhoneMetadata> Phone = new(() => ReferenceDataFiles.Phones(PhoneMetadataPath));
    private static readonly Lazy<DomainList> Disposable = new(() => ReferenceDataFiles.Domains(DisposablePath));
    private static readonly Lazy<DomainList> Free = new(() => ReferenceDataFiles.Domains(FreeMailPath));

    public static PhoneMetadata PhoneMetadata => Phone.Value;
    public static DomainList DisposableDomains => Disposable.Value;
    public static DomainList FreeDomains => Free.Value;

    /// <summary>A snapshot with the three contact datasets, or with the named ones left out (reported missing).</summary>
    public static ReferenceSnapshot Snapshot(params string[] without)
    {
        var all = new Dictionary<string, Func<object>>
        {
            [Datasets.PhoneMetadata] = () => PhoneMetadata,
            [Datasets.DisposableEmailDomains] = () => DisposableDomains,
            [Datasets.FreeEmailDomains] = () => FreeDomains,
        };
        var values = all.Where(kv => !without.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value());
        var infos = all.Keys.Select(name => values.ContainsKey(name)
            ? new DatasetInfo { Name = name, Status = "loaded" }
            : new DatasetInfo { Name = name, Status = "missing", Error = "Not found: test" }).ToList();
        return new ReferenceSnapshot(infos, values);
    }
}
