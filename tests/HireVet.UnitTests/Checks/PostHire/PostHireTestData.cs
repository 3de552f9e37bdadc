using HireVet.Application.Checks;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.UnitTests.Checks.PostHire;

/// <summary>A hired worker's activity built on real reference-data rows (the addresses below enrich as their comments
/// say with the network data under data/npm and ../shared/data).</summary>
internal static class PostHireTestData
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 16, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Comcast (AS7922), a residential network registered in the US.</summary>
    public const string Comcast = "73.162.10.20";
    /// <summary>Deutsche Telekom (AS3320), residential, registered in Germany.</summary>
    public const string Telekom = "79.192.0.1";
    /// <summary>HKBN, a Hong Kong broadband provider.</summary>
    public const string Hkbn = "175.45.0.1";
    /// <summary>Star JV (AS131279), North Korea's block 175.45.176.0/22.</summary>
    public const string Pyongyang = "175.45.176.10";
    /// <summary>Google (AS15169), a datacenter network.</summary>
    public const string Google = "8.8.8.8";

    // The first address of the first range in the VPN list that enriches as wanted (real rows, not guessed ones).
    private static string FirstVpnAddress(Func<IpInfo, bool> wanted)
    {
        var network = TestReferenceData.Network;
        return ToIp(network.VpnRanges.IPv4Ranges.Select(r => r.First).First(ip => wanted(network.Enrich(ToIp(ip))))).ToString();
    }

    private static System.Net.IPAddress ToIp(uint v) => new([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    /// <summary>A NordVPN exit (AS136787 or M247's AS9009 in the VPN list).</summary>
    public static readonly Lazy<string> VpnExit = new(() => FirstVpnAddress(i => i is { IsVpn: true, IsICloudPrivateRelay: false, Asn: 136787 or 9009 }));

    /// <summary>An Apple iCloud Private Relay egress address.</summary>
    public static readonly Lazy<string> RelayEgress = new(() => FirstVpnAddress(i => i.IsICloudPrivateRelay));

    /// <summary>Kim Sang Man of Austin, TX (US), in America/Chicago.</summary>
    public static Dossier Worker => CheckTestData.Honest with { ClaimedTimeZone = "America/Chicago" };

    public static VettingContext Hired(WorkerActivity activity, Dossier? dossier = null) =>
        new(1, dossier ?? Worker, [], TestReferenceData.Snapshot) { PostHire = activity };

    public static VettingContext NotHired => new(1, Worker, [], TestReferenceData.Snapshot);

    private static int _next;
    private static string Id(string prefix) => $"{prefix}-{Interlocked.Increment(ref _next)}";

    public static SignInEvent SignIn(string ip, DateTimeOffset at, bool succeeded = true, string? session = null, DateTimeOffset? ended = null) => new()
    {
        EventId = Id("si"), Source = "okta", OccurredAt = at, Ip = ip, Succeeded = succeeded, SessionId = session, SessionEndedAt = ended, DeviceId = "laptop-1",
    };

    public static WorkerActivity SignIns(params SignInEvent[] signIns) => Activity() with { SignIns = signIns };

    public static WorkerActivity Activity() => new() { WorkerId = 11, EmployeeId = "E-1001", WorkEmail = "sam.kim@example.com", StartDate = new DateOnly(2026, 10, 1) };

    public static EndpointSnapshot Snapshot(string[]? software = null, UsbDevice[]? usb = null, string? ip = null, string? serial = null, string device = "laptop-1") => new()
    {
        EventId = Id("ep"), DeviceId = device, SerialNumber = serial, TakenAt = Monday, PublicIp = ip,
        InstalledSoftware = software ?? ["Microsoft Teams", "Slack", "Visual Studio Code"], UsbDevices = usb ?? [],
    };

    public static WorkerActivity Endpoints(params EndpointSnapshot[] snapshots) => Activity() with { Endpoints = snapshots };

    public static OtherWorker Other(long id, string name) => new() { WorkerId = id, CandidateId = 100 + id, EmployeeId = $"E-{id}", LegalName = name };

    public static SharedWithWorkers Shared(string value, params OtherWorker[] others) => new() { Value = value, OtherWorkers = others };
}
