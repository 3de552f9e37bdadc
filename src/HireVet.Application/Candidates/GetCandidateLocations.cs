using System.Text.Json;
using Dapper;
using HireVet.Application.Checks.Network;
using HireVet.Application.Checks.PostHire;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Errors;
using HireVet.Application.Dossiers;
using HireVet.Application.ReferenceData;
using HireVet.Application.ReferenceData.Network;
using MediatR;

namespace HireVet.Application.Candidates;

/// <summary>Where a person's IP addresses were seen, next to where they say they live: the dossier's observations and
/// interviews before the hire, the identity provider's sign-ins after it, each address placed by HireVet's network
/// data. A VPN, relay or hosting exit says where the provider is, not the person, so those are listed by kind.</summary>
public static class GetCandidateLocations
{
    /// <summary>Addresses looked up per page: a worker's most frequent ones.</summary>
    public const int MaxAddresses = 500;

    public sealed record Query(long Id) : IRequest<Response>;

    public sealed record Response
    {
        public string? ClaimedCountry { get; init; }
        public Place[] Places { get; init; } = [];
        /// <summary>Null when the network data is loaded; otherwise why the addresses could not be placed.</summary>
        public string? NotEvaluated { get; init; }
        public bool Truncated { get; init; }
    }

    public sealed record Place
    {
        /// <summary>ISO 3166-1 alpha-2 of the address's registration, or null when the network data does not say.</summary>
        public string? Country { get; init; }
        /// <summary>located, vpn, relay, hosting, unknown.</summary>
        public string How { get; init; } = "";
        public string[] Providers { get; init; } = [];
        public int Addresses { get; init; }
        public long Sightings { get; init; }
        public DateTimeOffset? FirstSeen { get; init; }
        public DateTimeOffset? LastSeen { get; init; }
        public bool BeforeHire { get; init; }
        public bool AfterHire { get; init; }
        /// <summary>Countries the identity provider itself reported for these sign-ins.</summary>
        public string[] ReportedCountries { get; init; } = [];
        /// <summary>Only a located address can agree or disagree with the claimed country; null otherwise.</summary>
        public bool? MatchesClaim { get; init; }
    }

    private sealed record Sighting
    {
        public string Ip { get; init; } = "";
        public long Count { get; init; }
        public DateTimeOffset? First { get; init; }
        public DateTimeOffset? Last { get; init; }
        public bool AfterHire { get; init; }
        public string[] Reported { get; init; } = [];
    }

    public sealed class Handler(IDbSession db, IReferenceData referenceData) : IRequestHandler<Query, Response>
    {
        private const string DossierSql = """
            select r.dossier::text from candidates c
            join candidate_revisions r on r.candidate_id = c.id and r.revision = c.current_revision
            where c.id = @Id
            """;

        private const string SignInsSql = """
            select s.ip, count(*) as count, min(s.occurred_at) as first, max(s.occurred_at) as last, true as after_hire,
                   coalesce(array_agg(distinct s.reported_country) filter (where s.reported_country is not null), '{}') as reported
            from sign_in_events s
            where s.worker_id = (select id from workers where candidate_id = @Id) and s.ip is not null
            group by s.ip
            order by count(*) desc, s.ip
            limit @Max
            """;

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var json = await db.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(DossierSql, query, db.Transaction, cancellationToken: ct))
                       ?? throw new NotFoundException("candidate", query.Id);
            var dossier = JsonSerializer.Deserialize<Dossier>(json, DossierJson.Options)!;
            var sightings = IpObservations.From(dossier)
                .GroupBy(o => o.Ip)
                .Select(g => new Sighting { Ip = g.Key, Count = g.Count(), First = g.Min(o => o.At), Last = g.Max(o => o.At) })
                .ToList();
            var signIns = (await db.Connection.QueryAsync<Sighting>(new CommandDefinition(SignInsSql,
                new { query.Id, Max = MaxAddresses }, db.Transaction, cancellationToken: ct))).ToArray();
            sightings.AddRange(signIns);

            var claimed = dossier.ClaimedResidence?.Country?.ToUpperInvariant();
            var network = (await referenceData.LoadedAsync(ct)).Get<NetworkIntelligence>(Datasets.Network);
            if (network is null)
                return new Response { ClaimedCountry = claimed, NotEvaluated = "the network dataset is not loaded", Truncated = signIns.Length == MaxAddresses };

            var places = sightings
                .Select(s => (Sighting: s, Info: PostHireData.Enrich(network, s.Ip)))
                .GroupBy(x => Classify(x.Info))
                .Select(g => new Place
                {
                    Country = g.Key.Country,
                    How = g.Key.How,
                    Providers = g.Select(x => x.Info?.VpnProvider ?? (g.Key.How == "located" ? null : x.Info?.Organisation))
                        .OfType<string>().Distinct().Order(StringComparer.Ordinal).Take(5).ToArray(),
                    Addresses = g.Select(x => x.Sighting.Ip).Distinct().Count(),
                    Sightings = g.Sum(x => x.Sighting.Count),
                    FirstSeen = g.Min(x => x.Sighting.First),
                    LastSeen = g.Max(x => x.Sighting.Last),
                    BeforeHire = g.Any(x => !x.Sighting.AfterHire),
                    AfterHire = g.Any(x => x.Sighting.AfterHire),
                    ReportedCountries = g.SelectMany(x => x.Sighting.Reported).Distinct().Order(StringComparer.Ordinal).ToArray(),
                    MatchesClaim = g.Key.How == "located" && claimed is not null ? g.Key.Country == claimed : null,
                })
                .OrderByDescending(p => p.Sightings).ThenBy(p => p.Country, StringComparer.Ordinal)
                .ToArray();
            return new Response { ClaimedCountry = claimed, Places = places, Truncated = signIns.Length == MaxAddresses };
        }

        private static (string? Country, string How) Classify(IpInfo? info) => info switch
        {
            null => (null, "unknown"),
            { IsVpn: true } => (info.Country, "vpn"),
            { IsICloudPrivateRelay: true } => (info.Country, "relay"),
            { IsHosting: true } => (info.Country, "hosting"),
            _ when PostHireData.Locates(info) => (info.Country, "located"),
            _ => (info.Country, "unknown"),
        };
    }
}
