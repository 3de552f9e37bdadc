using HireVet.Application.Checks;
using HireVet.Application.Common.Errors;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting.Scoring;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin.Rulesets;

/// <summary>One ruleset version, readable: thresholds, the weight of every indicator with the checks that raise it,
/// combinations, and the JSON itself; a shadow run over every candidate's latest assessment (nothing written) with its
/// results; and the way to activate it.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ListRulesets.Item Stored { get; private set; } = new();
    public Ruleset Ruleset { get; private set; } = null!;
    public ShadowRunRuleset.Response? Shadow { get; private set; }
    public bool Missing { get; private set; }

    public static readonly string[] Severities = [Severity.Low, Severity.Medium, Severity.High, Severity.Critical];

    /// <summary>The checks that raise an indicator's signals, by indicator.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ChecksByIndicator = CheckCatalogue.All
        .SelectMany(c => c.Indicators.Select(i => (Indicator: i, c.Name)))
        .GroupBy(x => x.Indicator)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Name).Distinct().Order(StringComparer.Ordinal).ToArray());

    public Task<IActionResult> OnGetAsync(string version, CancellationToken ct) => ShowAsync(version, ct);

    public async Task<IActionResult> OnPostShadowAsync(string version, CancellationToken ct)
    {
        var page = await ShowAsync(version, ct);
        if (!Missing) Shadow = await mediator.Send(new ShadowRunRuleset.Query(version), ct);
        return page;
    }

    private async Task<IActionResult> ShowAsync(string version, CancellationToken ct)
    {
        try
        {
            Stored = await mediator.Send(new GetRuleset.Query(version), ct);
            Ruleset = ActiveRuleset.Parse(Stored.Hash, Stored.Content);
        }
        catch (NotFoundException)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>Indicators a check can raise that this ruleset gives no weight: their signals are shown to reviewers
    /// but add nothing to the score.</summary>
    public string[] Unweighted() =>
        [.. ChecksByIndicator.Keys.Where(i => !Ruleset.Weights.ContainsKey(i) && !Ruleset.CatalogueHrOnly.Contains(i)).Order(StringComparer.Ordinal)];
}
