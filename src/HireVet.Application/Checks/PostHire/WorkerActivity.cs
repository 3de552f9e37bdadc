using System.Collections.Concurrent;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData.Network;

namespace HireVet.Application.Checks.PostHire;

/// <summary>What HireVet has seen of a hired worker since the hire, as the post-hire checks read it: sign-ins from the
/// identity provider, endpoint inventory snapshots, payroll destination changes and equipment records, and the other
/// workers who share an egress IP or an MFA device with this one. Gathered by the re-screening before the checks run
/// (the checks stay pure); null in a <see cref="VettingContext"/> for a candidate not hired.</summary>
public sealed record WorkerActivity
{
    public long WorkerId { get; init; }
    public string EmployeeId { get; init; } = "";
    public string WorkEmail { get; init; } = "";
    public DateOnly StartDate { get; init; }
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<SignInEvent> SignIns { get; init; } = [];
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<EndpointSnapshot> Endpoints { get; init; } = [];
    /// <summary>Authenticator devices registered for MFA by this worker.</summary>
    public IReadOnlyList<MfaRegistration> MfaDevices { get; init; } = [];
    /// <summary>Source IPs of this worker's sign-ins that other workers signed in from too (any network: the checks
    /// leave out VPN, relay and hosting addresses, which strangers share).</summary>
    public IReadOnlyList<SharedWithWorkers> SharedEgressIps { get; init; } = [];
    /// <summary>This worker's MFA devices that are registered for other workers too.</summary>
    public IReadOnlyList<SharedWithWorkers> SharedMfaDevices { get; init; } = [];
    /// <summary>Oldest effective date first.</summary>
    public IReadOnlyList<PayrollChange> PayrollChanges { get; init; } = [];
    public IReadOnlyList<EquipmentRecord> Equipment { get; init; } = [];
    /// <summary>Meeting and screen-sharing sessions the worker took part in, oldest first.</summary>
    public IReadOnlyList<MeetingSession> Meetings { get; init; } = [];
    /// <summary>The worker's onboarding steps (drug test, document check, equipment receipt), decrypted.</summary>
    public IReadOnlyList<OnboardingEvent> Onboarding { get; init; } = [];
    /// <summary>Identifiers of the worker's onboarding steps (who appeared, their phone, e-mail, the place of an
    /// equipment receipt) that onboarding steps of other workers have too.</summary>
    public IReadOnlyList<SharedOnboardingIdentifier> SharedOnboarding { get; init; } = [];

    private readonly ConcurrentDictionary<string, IpInfo?> _lookups = new();

    /// <summary>HireVet's lookup of one of the worker's addresses (sign-ins, shared egress, endpoints' public IPs), made
    /// once per address: a worker signs in from a handful of addresses a hundred times a quarter, and several checks
    /// read each one's. Every post-hire check looks addresses up through here.</summary>
    public IpInfo? Lookup(NetworkIntelligence network, string? ip) =>
        ip is null ? null : _lookups.GetOrAdd(ip, static (address, n) => PostHireData.Enrich(n, address), network);
}

/// <summary>One sign-in as the identity provider logged it (Okta System Log, Entra ID sign-in logs, or the generic
/// format), normalised.</summary>
public sealed record SignInEvent
{
    /// <summary>The provider's own event id (Okta uuid, Entra id); unique per source.</summary>
    public string EventId { get; init; } = "";
    /// <summary>okta, entra or generic.</summary>
    public string Source { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public string? Ip { get; init; }
    /// <summary>The provider's own geolocation of the IP (ISO 3166-1 alpha-2), when it sent one; HireVet's own
    /// lookup of the IP (registered country, VPN, hosting) is what the checks trust.</summary>
    public string? ReportedCountry { get; init; }
    public string? ReportedCity { get; init; }
    public string? UserAgent { get; init; }
    public string? DeviceId { get; init; }
    public bool Succeeded { get; init; }
    /// <summary>The provider's session id, when it has one: sign-ins of one session share it.</summary>
    public string? SessionId { get; init; }
    /// <summary>When the session ended (the generic format may say); null when unknown or still open.</summary>
    public DateTimeOffset? SessionEndedAt { get; init; }
}

/// <summary>A snapshot of one endpoint from EDR or MDM: what is installed and plugged in, and where it connects from.</summary>
public sealed record EndpointSnapshot
{
    public string EventId { get; init; } = "";
    public string DeviceId { get; init; } = "";
    /// <summary>The device's serial number as the EDR/MDM reports it, when it does.</summary>
    public string? SerialNumber { get; init; }
    public DateTimeOffset TakenAt { get; init; }
    public string? PublicIp { get; init; }
    public IReadOnlyList<string> InstalledSoftware { get; init; } = [];
    public IReadOnlyList<UsbDevice> UsbDevices { get; init; } = [];
    /// <summary>The agent's measure of how late keystrokes and clicks reach the host, when it sends one (optional).</summary>
    public InputLatency? InputLatency { get; init; }
}

/// <summary>Input-to-host latency percentiles over a snapshot's period, in milliseconds, and how many inputs they are
/// measured on.</summary>
public sealed record InputLatency
{
    public double? P50 { get; init; }
    public double P95 { get; init; }
    public int Samples { get; init; }
}

/// <summary>A USB or HID device attached to an endpoint. Vendor and product ids are 4 hex digits ("1d6b").</summary>
public sealed record UsbDevice
{
    public string Name { get; init; } = "";
    public string? VendorId { get; init; }
    public string? ProductId { get; init; }
}

public sealed record MfaRegistration
{
    public string EventId { get; init; } = "";
    public string DeviceId { get; init; } = "";
    public DateTimeOffset RegisteredAt { get; init; }
}

/// <summary>An identifier (an IP address, an MFA device id) this worker shares with other workers.</summary>
public sealed record SharedWithWorkers
{
    public string Value { get; init; } = "";
    public IReadOnlyList<OtherWorker> OtherWorkers { get; init; } = [];
}

public sealed record OtherWorker
{
    public long WorkerId { get; init; }
    public long CandidateId { get; init; }
    public string EmployeeId { get; init; } = "";
    public string LegalName { get; init; } = "";
}

/// <summary>A change of where the worker's pay goes, from the HRIS, with the same fields as the dossier's.</summary>
public sealed record PayrollChange
{
    public string EventId { get; init; } = "";
    public DateOnly EffectiveDate { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public PayrollDestination Destination { get; init; } = new();
}

/// <summary>Equipment shipped to the worker: the asset's serial as shipped, the serial of the device the worker
/// presented at onboarding (when checked), and where it went.</summary>
public sealed record EquipmentRecord
{
    public string EventId { get; init; } = "";
    public string AssetSerialShipped { get; init; } = "";
    public string? SerialSeenAtOnboarding { get; init; }
    public PostalAddress? ShipTo { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One meeting or screen-sharing session of the worker, from the collaboration platform.</summary>
public sealed record MeetingSession
{
    /// <summary>The platform's meeting or session id, "" when it sent none.</summary>
    public string SessionKey { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndedAt { get; init; }
    /// <summary>Whether the worker's screen was shared; null when the platform did not say.</summary>
    public bool? ScreenShared { get; init; }
    public string? Platform { get; init; }
    public TimeSpan Duration => EndedAt - StartedAt;
}

/// <summary>An onboarding step of the worker as the HRIS or onboarding vendor recorded it: who appeared, the contact
/// they gave and where it happened.</summary>
public sealed record OnboardingEvent
{
    public string EventId { get; init; } = "";
    /// <summary>drug_test, document_check or equipment_receipt.</summary>
    public string Step { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public OnboardingDetails Details { get; init; } = new();
}

/// <summary>The personal part of an onboarding step, stored encrypted.</summary>
public sealed record OnboardingDetails
{
    public string? AppearedName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public PostalAddress? Place { get; init; }
}

/// <summary>One identifier of the worker's onboarding (kind: person, phone, email or address) that other workers'
/// onboarding steps carry too.</summary>
public sealed record SharedOnboardingIdentifier
{
    public string Kind { get; init; } = "";
    /// <summary>The worker's own event carrying it.</summary>
    public string EventId { get; init; } = "";
    public IReadOnlyList<OtherOnboarding> Others { get; init; } = [];
}

public sealed record OtherOnboarding
{
    public OtherWorker Worker { get; init; } = new();
    public string EventId { get; init; } = "";
    public string Step { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}
