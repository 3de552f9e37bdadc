using FluentValidation;
using HireVet.Application.Rulesets;
using HireVet.Application.Vetting.Scoring;
using HireVet.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin.Rulesets;

/// <summary>Admins see the active ruleset, every version (20 to a page), and submit a new version as a draft by pasting
/// its JSON; the loader's errors are shown by the JSON field they name.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(Name = "p", SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? RulesetJson { get; set; }

    public ListRulesets.Item? Active { get; private set; }
    public ListRulesets.Item[] Versions { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public FieldErrors Errors { get; } = new();

    /// <summary>What vetting uses while no version is active: the ruleset shipped with this build.</summary>
    public static string ShippedVersion => Ruleset.Embedded.Version;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        try
        {
            var stored = await mediator.Send(new SubmitRuleset.Command(RulesetJson ?? ""), ct);
            TempData["Flash"] = $"Ruleset {stored.Version} is stored as a draft. Run a shadow run to see how bands would change before activating it.";
            return Redirect(DetailsLink(stored.Version));
        }
        catch (ValidationException e)
        {
            Errors.Add(e);
        }
        catch (Exception e) when (ProblemDetailsMapper.NameTaken(e) is { } taken)
        {
            Errors.Add(taken.Field, taken.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public static string DetailsLink(string version) => $"/admin/rulesets/{Uri.EscapeDataString(version)}";

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000 / PageSize);
        Active = (await mediator.Send(new ListRulesets.Query("active", 1), ct)).FirstOrDefault();
        var rows = await mediator.Send(new ListRulesets.Query(null, PageSize + 1, (PageNumber - 1) * PageSize), ct);
        HasNextPage = rows.Length > PageSize;
        Versions = rows.Take(PageSize).ToArray();
    }
}
