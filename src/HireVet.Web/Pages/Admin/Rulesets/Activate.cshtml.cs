using HireVet.Application.Common.Errors;
using HireVet.Application.Rulesets;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin.Rulesets;

/// <summary>Confirms the activation of a ruleset version, beside the one it replaces; the POST activates it (the
/// previous one is retired). ActivateRuleset asks for no second admin and no justification, so neither does this page;
/// the audit trail records who activated what.</summary>
public sealed class ActivateModel(IMediator mediator) : PageModel
{
    public ListRulesets.Item Stored { get; private set; } = new();
    public ListRulesets.Item? Current { get; private set; }
    public bool Missing { get; private set; }
    public string? ActionError { get; private set; }

    public Task<IActionResult> OnGetAsync(string version, CancellationToken ct) => ShowAsync(version, ct);

    public async Task<IActionResult> OnPostAsync(string version, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ActivateRuleset.Command(version), ct);
            TempData["Flash"] = $"Ruleset {version} is active: vetting scores with it from now on.";
            return Redirect("/admin/rulesets");
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            ActionError = e.Message;
            return await ShowAsync(version, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(string version, CancellationToken ct)
    {
        try
        {
            Stored = await mediator.Send(new GetRuleset.Query(version), ct);
            Current = (await mediator.Send(new ListRulesets.Query("active", 1), ct)).FirstOrDefault();
        }
        catch (NotFoundException)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
