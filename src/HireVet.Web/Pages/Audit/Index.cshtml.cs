using FluentValidation;
using HireVet.Application.Audit;
using HireVet.Web.Endpoints;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Audit;

/// <summary>For auditors: whether the audit hash chain is intact, and the decisions a filter selects (date range,
/// reviewer, outcome, band at decision), 50 a page with the total, each with the assessment behind it. The filters
/// are GET parameters (bookmarkable) and the export links carry them. Nothing here changes anything.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(Name = "from", SupportsGet = true)] public string? From { get; set; }
    [BindProperty(Name = "to", SupportsGet = true)] public string? To { get; set; }
    [BindProperty(Name = "reviewer", SupportsGet = true)] public string? Reviewer { get; set; }
    [BindProperty(Name = "outcome", SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(Name = "band", SupportsGet = true)] public string? Band { get; set; }
    /// <summary>"full": walk the whole chain now instead of continuing the latest recorded full walk.</summary>
    [BindProperty(Name = "verify", SupportsGet = true)] public string? Verify { get; set; }

    public VerifyAuditChain.Response Chain { get; private set; } = new();
    public ListDecisions.Item[] Decisions { get; private set; } = [];
    public long Total { get; private set; }
    /// <summary>Problems with the filters, by field (from, to, reviewer, outcome, band): shown instead of a list.</summary>
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public AuditFilters Filters => new(From, To, Reviewer, Outcome, Band);
    public long PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasNextPage => PageNumber < PageCount;

    /// <summary>This list's address with the filters and another page.</summary>
    public string PageLink(int page)
    {
        var query = Filters.QueryString();
        var p = page > 1 ? $"p={page}" : "";
        var all = string.Join('&', new[] { query, p }.Where(s => s.Length > 0));
        return all.Length == 0 ? "/audit" : $"/audit?{all}";
    }

    public string ExportLink(string format)
    {
        var query = Filters.QueryString();
        return $"/api/audit/decisions/export?format={format}{(query.Length == 0 ? "" : "&" + query)}";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        Chain = await mediator.Send(new VerifyAuditChain.Query { SinceLastWalk = Verify != "full" }, ct);
        try
        {
            var count = Filters.CountQuery();
            Total = await mediator.Send(count, ct);
            // A page past the end (an old bookmark) shows the last page.
            PageNumber = (int)Math.Min(PageNumber, PageCount);
            Decisions = await mediator.Send(Filters.ListQuery(PageSize, (PageNumber - 1) * PageSize), ct);
        }
        catch (ValidationException e)
        {
            Errors = e.Errors.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
