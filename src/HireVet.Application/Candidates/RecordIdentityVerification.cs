using System.Text.Json;
using Dapper;
using FluentValidation;
using HireVet.Application.Common;
using HireVet.Application.Common.Auditing;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Common.Formats;
using HireVet.Application.Common.Security;
using HireVet.Application.Dossiers;
using HireVet.Application.Vetting;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>HR or an integration records an identity-verification (IDV) vendor's result for a candidate, in a
/// vendor-neutral shape: the verified name and date of birth (kept encrypted), the document's type and issuing country,
/// the liveness and document outcomes in the vendor's own words (approved, verified, declined, manual_review... are
/// read as passed, failed or needs_review), the vendor and its reference. The same vendor and reference again changes
/// nothing; a vendor's revised result (a manual review concluded) updates the row. A new or changed result marks the
/// candidate for vetting in the same transaction, and the identity-verification check (ID-18) compares it with the
/// dossier.</summary>
public static class RecordIdentityVerification
{
    public sealed record Command : IRequest<Response>, ICommand
    {
        /// <summary>From the route.</summary>
        public long CandidateId { get; init; }
        /// <summary>Persona, CLEAR, Incode, Okta, Onfido...: compared without regard to case.</summary>
        public string? Vendor { get; init; }
        /// <summary>The vendor's id of the verification (an inquiry or session id).</summary>
        public string? VendorReference { get; init; }
        public DateTimeOffset? VerifiedAt { get; init; }
        /// <summary>The name as the vendor read it from the document. Encrypted at rest.</summary>
        public string? VerifiedName { get; init; }
        /// <summary>Encrypted at rest.</summary>
        public DateOnly? DateOfBirth { get; init; }
        public string? DocumentType { get; init; }
        /// <summary>ISO 3166-1 alpha-2 of the state that issued the document.</summary>
        public string? DocumentCountry { get; init; }
        public string? LivenessOutcome { get; init; }
        public string? DocumentOutcome { get; init; }
    }

    public sealed record Response
    {
        public long Id { get; init; }
        public long CandidateId { get; init; }
        /// <summary>created, updated or unchanged.</summary>
        public string Outcome { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            RuleFor(c => c.Vendor).NotEmpty().MaximumLength(100);
            RuleFor(c => c.VendorReference).NotEmpty().MaximumLength(200);
            RuleFor(c => c.VerifiedAt).Must(at => at!.Value <= clock.GetUtcNow().AddMinutes(5))
                .WithMessage("'verifiedAt' must not be in the future.").When(c => c.VerifiedAt is not null);
            RuleFor(c => c.VerifiedName).MaximumLength(200).Must(n => n!.Any(char.IsLetter)).WithMessage("'verifiedName' must contain letters.")
                .Must(n => !n!.Any(char.IsControl)).WithMessage("'verifiedName' contains control characters, which no real name has.")
                .When(c => c.VerifiedName is not null);
            RuleFor(c => c.DateOfBirth).Must(dob => dob!.Value <= today.AddYears(-14) && dob.Value >= today.AddYears(-120))
                .WithMessage("'dateOfBirth' must be a past date of someone aged 14 to 120.").When(c => c.DateOfBirth is not null);
            RuleFor(c => c.DocumentType).Must(t => Vocabulary.DocumentTypes.Canonical(t) is not null)
                .WithMessage($"'documentType' must be {Vocabulary.DocumentTypes.Accepted}.").When(c => c.DocumentType is not null);
            RuleFor(c => c.DocumentCountry).Must(c => CountryCodes.IsIsoAlpha2(c!.Trim().ToUpperInvariant()))
                .WithMessage("'documentCountry' must be an ISO 3166-1 alpha-2 code such as US.").When(c => c.DocumentCountry is not null);
            RuleFor(c => c.LivenessOutcome).Must(o => Vocabulary.VerificationOutcomes.Canonical(o) is not null)
                .WithMessage($"'livenessOutcome' must be {Vocabulary.VerificationOutcomes.Accepted}.").When(c => c.LivenessOutcome is not null);
            RuleFor(c => c.DocumentOutcome).Must(o => Vocabulary.VerificationOutcomes.Canonical(o) is not null)
                .WithMessage($"'documentOutcome' must be {Vocabulary.VerificationOutcomes.Accepted}.").When(c => c.DocumentOutcome is not null);
            RuleFor(c => c.VerifiedName).NotEmpty()
                .WithMessage("A result needs at least one of 'verifiedName', 'dateOfBirth', 'livenessOutcome' or 'documentOutcome'.")
                .When(c => c.DateOfBirth is null && c.LivenessOutcome is null && c.DocumentOutcome is null);
        }
    }

    private const string CandidateExistsSql = "select exists (select 1 from candidates where id = @CandidateId and redacted_at is null)";

    // A repetition (same content) changes nothing; a revision by the vendor updates the row. A reference recorded for
    // another candidate is left alone here and reported as a conflict below.
    private const string UpsertSql = """
        insert into identity_verifications (candidate_id, vendor, vendor_reference, verified_at, document_type, document_country,
                                            liveness_outcome, document_outcome, sensitive_protected, content_hash, submitted_by,
                                            received_at, updated_at)
        values (@CandidateId, @Vendor, @VendorReference, @VerifiedAt, @DocumentType, @DocumentCountry, @LivenessOutcome,
                @DocumentOutcome, @SensitiveProtected, @ContentHash, @SubmittedBy, @Now, @Now)
        on conflict (vendor, vendor_reference) do update
        set verified_at = excluded.verified_at, document_type = excluded.document_type, document_country = excluded.document_country,
            liveness_outcome = excluded.liveness_outcome, document_outcome = excluded.document_outcome,
            sensitive_protected = excluded.sensitive_protected, content_hash = excluded.content_hash,
            submitted_by = excluded.submitted_by, updated_at = excluded.updated_at
        where identity_verifications.candidate_id = excluded.candidate_id and identity_verifications.content_hash <> excluded.content_hash
        returning id, (xmax = 0) as inserted
        """;

    private const string ExistingSql = "select id, candidate_id from identity_verifications where vendor = @Vendor and vendor_reference = @VendorReference";

    public sealed class Handler(IDbSession db, ISensitiveData sensitive, ICurrentActor actor, AuditScope audit, IAfterCommit afterCommit,
        IVettingScheduler scheduler, TimeProvider clock) : IRequestHandler<Command, Response>
    {
        public async Task<Response> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(CandidateExistsSql, command, db.Transaction, cancellationToken: ct)))
                throw new NotFoundException("candidate", command.CandidateId);

            var result = Normalize(command);
            var secrets = new IdentityVerificationSecrets { VerifiedName = result.VerifiedName, DateOfBirth = result.DateOfBirth };
            var now = clock.GetUtcNow();
            var row = await db.Connection.QuerySingleOrDefaultAsync<Written>(new CommandDefinition(UpsertSql, new
            {
                result.CandidateId, result.Vendor, result.VendorReference, result.VerifiedAt, result.DocumentType, result.DocumentCountry,
                result.LivenessOutcome, result.DocumentOutcome,
                SensitiveProtected = secrets.Protect(sensitive),
                ContentHash = Convert.ToHexStringLower(sensitive.KeyedHash("identity_verification", JsonSerializer.Serialize(result, DossierJson.Options))),
                SubmittedBy = actor.Name, Now = now,
            }, db.Transaction, cancellationToken: ct));

            Response response;
            if (row is { } written)
            {
                response = new Response { Id = written.Id, CandidateId = result.CandidateId, Outcome = written.Inserted ? "created" : "updated" };
                // The candidate may be pending already (a new dossier): the request below vets it either way.
                await LinkedRevetting.RevetAsync(db, afterCommit, scheduler, [result.CandidateId], now, ct, schedule: false);
                afterCommit.Enqueue(scheduler.RequestAsync);
            }
            else
            {
                var existing = await db.Connection.QuerySingleAsync<(long Id, long CandidateId)>(new CommandDefinition(ExistingSql, result,
                    db.Transaction, cancellationToken: ct));
                if (existing.CandidateId != result.CandidateId)
                    throw new ConflictException($"The {result.Vendor} verification {result.VendorReference} is recorded for another candidate.");
                response = new Response { Id = existing.Id, CandidateId = result.CandidateId, Outcome = "unchanged" };
            }

            audit.Target("candidate", result.CandidateId);
            audit.Details["identityVerification"] = response.Id;
            audit.Details["vendor"] = result.Vendor;
            audit.Details["outcome"] = response.Outcome;
            return response;
        }

        private sealed record Written
        {
            public long Id { get; init; }
            public bool Inserted { get; init; }
        }

        /// <summary>The stored form: trimmed, vendor in lower case, codes upper case, outcomes and document type canonical.
        /// Equal results then hash equal, which makes a repeated delivery change nothing.</summary>
        private static Command Normalize(Command c) => c with
        {
            Vendor = c.Vendor!.Trim().ToLowerInvariant(),
            VendorReference = c.VendorReference!.Trim(),
            VerifiedAt = c.VerifiedAt?.ToUniversalTime(),
            VerifiedName = c.VerifiedName is null ? null : string.Join(' ', c.VerifiedName.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            DocumentType = Vocabulary.DocumentTypes.Canonical(c.DocumentType),
            DocumentCountry = c.DocumentCountry?.Trim().ToUpperInvariant(),
            LivenessOutcome = Vocabulary.VerificationOutcomes.Canonical(c.LivenessOutcome),
            DocumentOutcome = Vocabulary.VerificationOutcomes.Canonical(c.DocumentOutcome),
        };
    }
}
