using System.Text;
using Dapper;
using FluentValidation;

namespace HireVet.Application.Audit;

/// <summary>What an auditor narrows the decisions to: the time decided (from, to, both inclusive), a reviewer (who
/// decided or who gave the second verdict), the outcome and the band at decision. Shared by the list, its count and
/// the export, so that an export holds exactly the rows the filtered list pages through.</summary>
public interface IDecisionFilter
{
    DateTimeOffset? From { get; }
    DateTimeOffset? To { get; }
    string? Reviewer { get; }
    string? Outcome { get; }
    string? Band { get; }
}

public static class DecisionFilter
{
    public static readonly string[] Outcomes = ["clear", "reject", "request_information", "policy_violation"];
    public static readonly string[] Bands = ["clear", "review", "high"];

    /// <summary>The shape rules every filtered query applies.</summary>
    public static void AddRules<T>(AbstractValidator<T> v) where T : IDecisionFilter
    {
        v.RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        v.RuleFor(q => q.Outcome).Must(o => Outcomes.Contains(o)).When(q => q.Outcome is not null)
            .WithMessage("'outcome' must be one of: clear, reject, request_information, policy_violation.");
        v.RuleFor(q => q.Band).Must(b => Bands.Contains(b)).When(q => q.Band is not null)
            .WithMessage("'band' must be one of: clear, review, high.");
        v.RuleFor(q => q.Reviewer).MaximumLength(200).When(q => q.Reviewer is not null);
    }

    /// <summary>The where clause for <c>decisions d</c>, built only from the filters given (fixed fragments, every value a
    /// parameter), so that each combination gets the plan of its own index rather than one generic plan.</summary>
    public static (string Where, DynamicParameters Parameters) Where(IDecisionFilter f)
    {
        var sql = new StringBuilder("where true");
        var p = new DynamicParameters();
        if (f.From is { } from) { sql.Append(" and d.decided_at >= @From"); p.Add("From", from); }
        if (f.To is { } to) { sql.Append(" and d.decided_at <= @To"); p.Add("To", to); }
        if (f.Outcome is { } outcome) { sql.Append(" and d.outcome = @Outcome"); p.Add("Outcome", outcome); }
        if (f.Band is { } band) { sql.Append(" and d.band_at_decision = @Band"); p.Add("Band", band); }
        if (f.Reviewer is { } reviewer)
        {
            // Either reviewer: a union of two index lookups (decided_by; approver), not an OR across a join. As an array
            // the ids are looked up by primary key; as "in (subquery)" the planner scanned every decision (EXPLAIN on
            // 300,000 decisions: 836 ms against 371 ms for a reviewer with 8,445, most of it the heap fetches).
            sql.Append("""
                 and d.id = any(array(select x.id from decisions x where x.decided_by = @Reviewer
                                      union select y.decision_id from decision_approvals y where y.approver = @Reviewer))
                """);
            p.Add("Reviewer", reviewer);
        }
        return (sql.ToString(), p);
    }
}
