using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Candidates;

/// <summary>HR submits a dossier through the same command as the API; validation errors are shown next to their inputs.</summary>
public sealed class NewModel(IMediator mediator) : PageModel
{
    [BindProperty] public CandidateForm Form { get; set; } = new();

    /// <summary>Every error in the order the validator reported it; Field is null when no input matches.</summary>
    public List<(CandidateForm.Field? Field, string Message)> Errors { get; } = [];

    public string[] ErrorsFor(string id) => Errors.Where(e => e.Field?.Id == id).Select(e => e.Message).Distinct().ToArray();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await mediator.Send(Form.ToCommand(), ct);
            TempData["Flash"] = result.Outcome switch
            {
                "created" => "Candidate created. Vetting has been scheduled.",
                "revised" => $"The candidate's dossier was updated (revision {result.Revision}) and will be vetted again.",
                _ => "Nothing changed: the dossier is identical to the candidate's current one.",
            };
            return Redirect($"/candidates/{result.Id}");
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
                Errors.Add((CandidateForm.ForError(error.PropertyName), error.ErrorMessage));
            return Page();
        }
    }
}
