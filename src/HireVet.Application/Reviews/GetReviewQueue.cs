using System.Globalization;
using Dapper;
using FluentValidation;
using HireVet.Application.Common.Data;
using HireVet.Application.Common.Security;
using HireVet.Application.Vetting.Scoring;
using MediatR;

namespace HireVet.Application.Reviews;

/// <summary>Candidates waiting for a security decision (status review, band review or high), filtered by band,
/// indicator, time waiting and who holds the claim, sorted, paged, with the total of the filtered queue.
/// Everything it reads is on the candidate row and in the queue's partial indexes (migration 0021): the latest
/// assessment's indicator ids (GIN), when the candidate entered review, and the claim; no assessment is read.</summary>
public static class GetReviewQueue
{
    public static readonly string[] Bands = ["review", "high"];
    public static readonly string[] Sorts = [Score, Oldest, Newest, Name];
    public const string Score = "score", Oldest = "oldest", Newest = "newest", Name = "name";
    public const string Anyone = "anyone", Unclaimed = "unclaimed", Me = "me", ReviewerPrefix = "reviewer:";
    public const int MaxWaitingDays = 3650, MaxOffset = 1_000_000;

    /// <summary>The filters arrive as the caller typed them (query strings), so that the page and the API report a
    /// bad value the same way, naming the field. Empty means "no filter".</summary>
    public sealed record Query : IRequest<Response>
    {
        /// <summary>review or high.</summary>
        public string? Band { get; init; }
        /// <summary>An indicator id (NET-01): candidates whose latest assessment has a signal of it.</summary>
        public string? Indicator { get; init; }
        /// <summary>Whole days: candidates that entered review more than this many days ago.</summary>
        public string? Waiting { get; init; }
        /// <summary>anyone (default), unclaimed, me, or reviewer:&lt;name&gt; (claimed by that reviewer).</summary>
        public string? Assignee { get; init; }
        /// <summary>score (default, highest first), oldest (waiting longest first), newest, name.</summary>
        public string? Sort { get; init; }
        public int Limit { get; init; } = 50;
        public int Offset { get; init; }
    }

    public sealed record Response
    {
        /// <summary>Candidates in the filtered queue, all pages together.</summary>
        public int Total { get; init; }
        public int Limit { get; init; }
        public int Offset { get; init; }
        public Item[] Items { get; init; } = [];
    }

    public sealed record Item
    {
        public long Id { get; init; }
        public string ExternalId { get; init; } = "";
        public string LegalName { get; init; } = "";
        public string? Role { get; init; }
        public int Score { get; init; }
        public string Band { get; init; } = "";
        /// <summary>When the candidate entered the queue (status review).</summary>
        public DateTimeOffset ReviewSince { get; init; }
        public string? ClaimedBy { get; init; }
        /// <summary>The claiming reviewer's display name, where the claim is a user's.</summary>
        public string? ClaimedByName { get; init; }
        public DateTimeOffset? ClaimedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string[] Indicators { get; init; } = [];
    }

    public static bool IsAssignee(string? value) =>
        string.IsNullOrEmpty(value) || value is Anyone or Unclaimed or Me
        || value.StartsWith(ReviewerPrefix, StringComparison.Ordinal) && value.Length > ReviewerPrefix.Length && value.Length <= ReviewerPrefix.Length + 200;

    public static int? WaitingDays(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxWaitingDays ? days : null;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Band).Must(b => Bands.Contains(b)).When(q => !string.IsNullOrEmpty(q.Band))
                .WithMessage("'band' must be review or high.");
            RuleFor(q => q.Indicator).Must(i => Ruleset.IndicatorId().IsMatch(i!)).When(q => !string.IsNullOrEmpty(q.Indicator))
                .WithMessage("'indicator' must be an indicator id of the catalogue, such as NET-01 or PAY-04.");
            RuleFor(q => q.Waiting).Must(w => WaitingDays(w) is not null).When(q => !string.IsNullOrEmpty(q.Waiting))
                .WithMessage($"'waiting' must be a whole number of days from 1 to {MaxWaitingDays} (candidates waiting more than that many days).");
            RuleFor(q => q.Assignee).Must(IsAssignee)
                .WithMessage("'assignee' must be anyone, unclaimed, me, or reviewer: followed by a reviewer's user name (reviewer:sam).");
            RuleFor(q => q.Sort).Must(s => Sorts.Contains(s)).When(q => !string.IsNullOrEmpty(q.Sort))
                .WithMessage($"'sort' must be one of: {string.Join(", ", Sorts)}.");
            RuleFor(q => q.Limit).InclusiveBetween(1, 200);
            RuleFor(q => q.Offset).InclusiveBetween(0, MaxOffset);
        }
    }

    public sealed class Handler(IDbSession db, ICurrentActor actor, TimeProvider clock) : IRequestHandler<Query, Response>
    {
        // Filters and orders are chosen from these fixed fragments; every value travels as a parameter.
        private const string FromWhere = "from candidates c where c.status = 'review'";
        private const string BandFilter = " and c.band = @Band";
        private const string IndicatorFilter = " and c.indicator_ids @> array[@Indicator::text]";
        private const string WaitingFilter = " and c.review_since < @WaitingBefore";
        private const string UnclaimedFilter = " and c.claimed_by is null";
        private const string ClaimedByFilter = " and c.claimed_by = @ClaimedBy";

        // Each order is the key of one of the queue's indexes, so a page is read in order and stops after Limit rows.
        private static readonly Dictionary<string, string> Orders = new()
        {
            [Score] = "c.score desc, c.id",
            [Oldest] = "c.review_since, c.id",
            [Newest] = "c.review_since desc, c.id desc",
            [Name] = "c.legal_name, c.id",
        };

        // The page's ids first, in order (an index-only scan where the filters are in the index), then their rows: rows
        // skipped by the offset are never fetched from the table.
        private const string PageSql = """
            select c.id, c.external_id, c.legal_name, c.role, c.score, c.band, c.review_since, c.claimed_by,
                   u.display_name as claimed_by_name, c.claimed_at, c.updated_at, c.indicator_ids as indicators
            from unnest(array(select c.id {0} {1} order by {2} limit @Limit offset @Offset)) with ordinality as page(id, n)
            join candidates c on c.id = page.id
            left join users u on u.username = c.claimed_by
            order by page.n
            """;

        private const string CountSql = "select count(*)::int {0} {1}";

        public async Task<Response> Handle(Query query, CancellationToken ct)
        {
            var assignee = string.IsNullOrEmpty(query.Assignee) ? Anyone : query.Assignee;
            var filters = string.Concat(
                string.IsNullOrEmpty(query.Band) ? "" : BandFilter,
                string.IsNullOrEmpty(query.Indicator) ? "" : IndicatorFilter,
                WaitingDays(query.Waiting) is null ? "" : WaitingFilter,
                assignee == Unclaimed ? UnclaimedFilter : assignee == Anyone ? "" : ClaimedByFilter);
            var order = Orders[string.IsNullOrEmpty(query.Sort) ? Score : query.Sort];
            var parameters = new
            {
                query.Band, query.Indicator, query.Limit, query.Offset,
                WaitingBefore = WaitingDays(query.Waiting) is { } days ? clock.GetUtcNow().AddDays(-days) : (DateTimeOffset?)null,
                ClaimedBy = assignee == Me ? actor.Name : assignee.StartsWith(ReviewerPrefix, StringComparison.Ordinal) ? assignee[ReviewerPrefix.Length..] : null,
            };
            var sql = string.Format(CultureInfo.InvariantCulture, PageSql, FromWhere, filters, order) + ";\n"
                + string.Format(CultureInfo.InvariantCulture, CountSql, FromWhere, filters);
            using var results = await db.Connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, db.Transaction, cancellationToken: ct));
            var items = (await results.ReadAsync<Item>()).ToArray();
            var total = await results.ReadSingleAsync<int>();
            return new Response { Total = total, Limit = query.Limit, Offset = query.Offset, Items = items };
        }
    }
}
