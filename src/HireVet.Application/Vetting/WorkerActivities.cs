using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Ingestion;

namespace HireVet.Application.Vetting;

/// <summary>Gathers the post-hire activity of the hired ones among a batch of candidates, set-based: their workers,
/// sign-ins and records of the last <see cref="Window"/>, and the other workers sharing an egress IP or an MFA device.</summary>
public static class WorkerActivities
{
    /// <summary>How far back the checks look: long enough for velocity and working-hours rules, bounded per worker.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>Other workers named per shared IP or device: a reviewer needs examples, not a whole office.</summary>
    private const int MaxShared = 20;

    private const string WorkersSql = """
        select id, candidate_id, employee_id, work_email, start_date from workers where candidate_id = any(@Ids) and status = 'active'
        """;

    private const string SignInsSql = """
        select worker_id, event_id, source, occurred_at, ip, reported_country, reported_city, user_agent, device_id, succeeded,
               session_id, session_ended_at
        from sign_in_events where worker_id = any(@WorkerIds) and occurred_at >= @Since
        order by worker_id, occurred_at
        """;

    private const string RecordsSql = """
        select worker_id, kind, event_id, occurred_at, device_id, data::text as data, protected
        from worker_records where worker_id = any(@WorkerIds) and (kind in ('mfa', 'equipment') or occurred_at >= @Since)
        order by worker_id, occurred_at
        """;

    private const string SharedIpsSql = """
        select mine.worker_id, mine.ip as value, o.worker_id as other_worker_id, w.candidate_id as other_candidate_id,
               w.employee_id as other_employee_id, c.legal_name as other_legal_name
        from (select distinct worker_id, ip from sign_in_events
              where worker_id = any(@WorkerIds) and ip is not null and occurred_at >= @Since) mine
        cross join lateral (select distinct s.worker_id from sign_in_events s
                            where s.ip = mine.ip and s.worker_id is not null and s.worker_id <> mine.worker_id and s.occurred_at >= @Since
                            limit @MaxShared) o
        join workers w on w.id = o.worker_id
        join candidates c on c.id = w.candidate_id
        """;

    private const string SharedMfaSql = """
        select mine.worker_id, mine.device_id as value, o.worker_id as other_worker_id, w.candidate_id as other_candidate_id,
               w.employee_id as other_employee_id, c.legal_name as other_legal_name
        from (select distinct worker_id, device_id from worker_records where kind = 'mfa' and worker_id = any(@WorkerIds)) mine
        cross join lateral (select distinct r.worker_id from worker_records r
                            where r.kind = 'mfa' and r.device_id = mine.device_id and r.worker_id is not null and r.worker_id <> mine.worker_id
                            limit @MaxShared) o
        join workers w on w.id = o.worker_id
        join candidates c on c.id = w.candidate_id
        """;

    private const string MeetingsSql = """
        select worker_id, session_key, started_at, ended_at, screen_shared, platform
        from meeting_sessions where worker_id = any(@WorkerIds) and started_at >= @Since
        order by worker_id, started_at
        """;

    // Onboarding happens once, at the hire: all of a worker's steps, however old.
    private const string OnboardingSql = """
        select worker_id, event_id, step, occurred_at, protected
        from onboarding_events where worker_id = any(@WorkerIds)
        order by worker_id, occurred_at
        """;

    private const string SharedOnboardingSql = """
        select mine.worker_id, mine.event_id, mine.kind, o.event_id as other_event_id, o.step as other_step, o.occurred_at as other_occurred_at,
               o.worker_id as other_worker_id, w.candidate_id as other_candidate_id, w.employee_id as other_employee_id, c.legal_name as other_legal_name
        from (select e.worker_id, e.event_id, i.kind, i.value_hash
              from onboarding_events e join onboarding_identifiers i on i.onboarding_event_id = e.id
              where e.worker_id = any(@WorkerIds)) mine
        cross join lateral (select oe.event_id, oe.step, oe.occurred_at, oe.worker_id
                            from onboarding_identifiers oi join onboarding_events oe on oe.id = oi.onboarding_event_id
                            where oi.kind = mine.kind and oi.value_hash = mine.value_hash
                              and oe.worker_id is not null and oe.worker_id <> mine.worker_id
                            order by oe.occurred_at
                            limit @MaxShared) o
        join workers w on w.id = o.worker_id
        join candidates c on c.id = w.candidate_id
        order by mine.worker_id, mine.event_id, mine.kind, o.occurred_at
        """;

    public static async Task<IReadOnlyDictionary<long, WorkerActivity>> LoadAsync(IDbSession db, ISensitiveData sensitive,
        IReadOnlyCollection<long> candidateIds, DateTimeOffset now, CancellationToken ct)
    {
        var workers = (await db.Connection.QueryAsync<WorkerRow>(new CommandDefinition(WorkersSql, new { Ids = candidateIds.ToArray() },
            db.Transaction, cancellationToken: ct))).ToArray();
        if (workers.Length == 0) return new Dictionary<long, WorkerActivity>();
        var args = new { WorkerIds = workers.Select(w => w.Id).ToArray(), Since = now - Window, MaxShared };
        var signIns = (await db.Connection.QueryAsync<long, SignInEvent, (long WorkerId, SignInEvent SignIn)>(
                new CommandDefinition(SignInsSql, args, db.Transaction, cancellationToken: ct), (worker, signIn) => (worker, signIn), splitOn: "event_id"))
            .ToLookup(s => s.WorkerId, s => s.SignIn);
        var records = (await db.Connection.QueryAsync<RecordRow>(new CommandDefinition(RecordsSql, args, db.Transaction, cancellationToken: ct)))
            .ToLookup(r => r.WorkerId);
        var sharedIps = (await db.Connection.QueryAsync<SharedRow>(new CommandDefinition(SharedIpsSql, args, db.Transaction, cancellationToken: ct)))
            .ToLookup(s => s.WorkerId);
        var sharedMfa = (await db.Connection.QueryAsync<SharedRow>(new CommandDefinition(SharedMfaSql, args, db.Transaction, cancellationToken: ct)))
            .ToLookup(s => s.WorkerId);
        var meetings = (await db.Connection.QueryAsync<MeetingRow>(new CommandDefinition(MeetingsSql, args, db.Transaction, cancellationToken: ct)))
            .ToLookup(m => m.WorkerId);
        var onboarding = (await db.Connection.QueryAsync<OnboardingRow>(new CommandDefinition(OnboardingSql, args, db.Transaction, cancellationToken: ct)))
            .ToLookup(o => o.WorkerId);
        var sharedOnboarding = (await db.Connection.QueryAsync<SharedOnboardingRow>(new CommandDefinition(SharedOnboardingSql, args, db.Transaction,
            cancellationToken: ct))).ToLookup(s => s.WorkerId);

        return workers.ToDictionary(w => w.CandidateId, w =>
        {
            var mine = records[w.Id].ToArray();
            return new WorkerActivity
            {
                WorkerId = w.Id, EmployeeId = w.EmployeeId, WorkEmail = w.WorkEmail, StartDate = w.StartDate,
                SignIns = [.. signIns[w.Id]],
                Endpoints = [.. mine.Where(r => r.Kind == RecordKinds.Endpoint).Select(Endpoint)],
                MfaDevices = [.. mine.Where(r => r.Kind == RecordKinds.Mfa).Select(r => new MfaRegistration
                    { EventId = r.EventId, DeviceId = r.DeviceId ?? "", RegisteredAt = r.OccurredAt })],
                PayrollChanges = [.. mine.Where(r => r.Kind == RecordKinds.Payroll).Select(r => Payroll(r, sensitive))],
                Equipment = [.. mine.Where(r => r.Kind == RecordKinds.Equipment).Select(Equipment)],
                SharedEgressIps = Shared(sharedIps[w.Id]),
                SharedMfaDevices = Shared(sharedMfa[w.Id]),
                Meetings = [.. meetings[w.Id].Select(m => new MeetingSession
                {
                    SessionKey = m.SessionKey, StartedAt = m.StartedAt, EndedAt = m.EndedAt, ScreenShared = m.ScreenShared, Platform = m.Platform,
                })],
                Onboarding = [.. onboarding[w.Id].Select(o => new OnboardingEvent
                {
                    EventId = o.EventId, Step = o.Step, OccurredAt = o.OccurredAt,
                    Details = JsonSerializer.Deserialize<OnboardingDetails>(sensitive.Unprotect(o.Protected), DossierJson.Options) ?? new OnboardingDetails(),
                })],
                SharedOnboarding = [.. sharedOnboarding[w.Id].GroupBy(s => (s.EventId, s.Kind)).Select(g => new SharedOnboardingIdentifier
                {
                    EventId = g.Key.EventId, Kind = g.Key.Kind,
                    Others = [.. g.Select(s => new OtherOnboarding
                    {
                        EventId = s.OtherEventId, Step = s.OtherStep, OccurredAt = s.OtherOccurredAt,
                        Worker = new OtherWorker { WorkerId = s.OtherWorkerId, CandidateId = s.OtherCandidateId, EmployeeId = s.OtherEmployeeId, LegalName = s.OtherLegalName },
                    })],
                })],
            };
        });
    }

    private static SharedWithWorkers[] Shared(IEnumerable<SharedRow> rows) =>
        [.. rows.GroupBy(r => r.Value).Select(g => new SharedWithWorkers
        {
            Value = g.Key,
            OtherWorkers = [.. g.Select(r => new OtherWorker
                { WorkerId = r.OtherWorkerId, CandidateId = r.OtherCandidateId, EmployeeId = r.OtherEmployeeId, LegalName = r.OtherLegalName })],
        })];

    private static EndpointSnapshot Endpoint(RecordRow r)
    {
        var data = JsonNode.Parse(r.Data)!.AsObject();
        return new EndpointSnapshot
        {
            EventId = r.EventId, DeviceId = r.DeviceId ?? "", TakenAt = r.OccurredAt,
            PublicIp = (string?)data["publicIp"], SerialNumber = (string?)data["serialNumber"],
            InstalledSoftware = [.. (data["installedSoftware"]?.AsArray() ?? []).Select(s => (string)s!)],
            UsbDevices = [.. (data["usbDevices"]?.AsArray() ?? []).Select(d => new UsbDevice
                { Name = (string?)d!["name"] ?? "", VendorId = (string?)d["vendorId"], ProductId = (string?)d["productId"] })],
            InputLatency = data["inputLatencyMs"] is JsonObject latency ? new InputLatency
                { P50 = (double?)latency["p50"], P95 = (double)latency["p95"]!, Samples = (int)latency["samples"]! } : null,
        };
    }

    private static PayrollChange Payroll(RecordRow r, ISensitiveData sensitive)
    {
        var data = JsonNode.Parse(r.Data)!.AsObject();
        var redacted = data["payrollDestination"].Deserialize<PayrollDestination>(DossierJson.Options) ?? new PayrollDestination();
        var secret = r.Protected is null ? null
            : JsonSerializer.Deserialize<PayrollDestination>(sensitive.Unprotect(r.Protected), DossierJson.Options);
        return new PayrollChange
        {
            EventId = r.EventId, EffectiveDate = DateOnly.Parse((string)data["effectiveDate"]!, System.Globalization.CultureInfo.InvariantCulture),
            ReceivedAt = r.OccurredAt,
            Destination = redacted with { Iban = secret?.Iban, AccountNumber = secret?.AccountNumber, WalletAddress = secret?.WalletAddress },
        };
    }

    private static EquipmentRecord Equipment(RecordRow r)
    {
        var data = JsonNode.Parse(r.Data)!.AsObject();
        return new EquipmentRecord
        {
            EventId = r.EventId, AssetSerialShipped = (string?)data["assetSerialShipped"] ?? "", SerialSeenAtOnboarding = (string?)data["serialSeenAtOnboarding"],
            ShipTo = data["shipTo"].Deserialize<PostalAddress>(DossierJson.Options), RecordedAt = r.OccurredAt,
        };
    }

    private sealed record WorkerRow
    {
        public long Id { get; init; }
        public long CandidateId { get; init; }
        public string EmployeeId { get; init; } = "";
        public string WorkEmail { get; init; } = "";
        public DateOnly StartDate { get; init; }
    }

    private sealed record RecordRow
    {
        public long WorkerId { get; init; }
        public string Kind { get; init; } = "";
        public string EventId { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string? DeviceId { get; init; }
        public string Data { get; init; } = "{}";
        public string? Protected { get; init; }
    }

    private sealed record MeetingRow
    {
        public long WorkerId { get; init; }
        public string SessionKey { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset EndedAt { get; init; }
        public bool? ScreenShared { get; init; }
        public string? Platform { get; init; }
    }

    private sealed record OnboardingRow
    {
        public long WorkerId { get; init; }
        public string EventId { get; init; } = "";
        public string Step { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Protected { get; init; } = "";
    }

    private sealed record SharedOnboardingRow
    {
        public long WorkerId { get; init; }
        public string EventId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string OtherEventId { get; init; } = "";
        public string OtherStep { get; init; } = "";
        public DateTimeOffset OtherOccurredAt { get; init; }
        public long OtherWorkerId { get; init; }
        public long OtherCandidateId { get; init; }
        public string OtherEmployeeId { get; init; } = "";
        public string OtherLegalName { get; init; } = "";
    }

    private sealed record SharedRow
    {
        public long WorkerId { get; init; }
        public string Value { get; init; } = "";
        public long OtherWorkerId { get; init; }
        public long OtherCandidateId { get; init; }
        public string OtherEmployeeId { get; init; } = "";
        public string OtherLegalName { get; init; } = "";
    }
}
