using HireVet.Application.Checks.PostHire;

namespace HireVet.Application.Ingestion;

/// <summary>A sign-in read from an integration's upload, before it is stored: the normalised event and the principal
/// (work e-mail / UPN, lower-cased) that matches it to a worker.</summary>
public sealed record IncomingSignIn(string Principal, SignInEvent Event);

/// <summary>An endpoint snapshot, MFA registration, payroll change or equipment record read from an upload. `Data` is
/// the record as stored (JSON, no secrets); `Secret` the part to encrypt (a payroll change's destination), if any.</summary>
public sealed record IncomingRecord(string Kind, string EventId, string Principal, DateTimeOffset OccurredAt, string? DeviceId, string Data, string? Secret);

/// <summary>A meeting or screen-sharing session read from the meetings upload, and the participant's work e-mail.</summary>
public sealed record IncomingMeetingSession(string Principal, MeetingSession Session);

/// <summary>An onboarding step read from the onboarding-events upload: the step, the personal details (encrypted before
/// they are stored) and the identifiers to hash, as (kind, normalised value).</summary>
public sealed record IncomingOnboardingEvent(string Principal, OnboardingEvent Event, IReadOnlyList<(string Kind, string Value)> Identifiers);

public static class RecordKinds
{
    public const string Endpoint = "endpoint";
    public const string Mfa = "mfa";
    public const string Payroll = "payroll";
    public const string Equipment = "equipment";
}

/// <summary>What became of a batch of events: stored, already there (same event id), and stored but matching no worker
/// yet (kept, and matched when that worker is hired).</summary>
public sealed record IngestResult(int Accepted, int Duplicates, int Unmatched);
