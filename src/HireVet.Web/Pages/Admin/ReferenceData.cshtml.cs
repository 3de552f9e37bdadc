using HireVet.Infrastructure.Security;
using HireVet.Application.ReferenceData;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages.Admin;

/// <summary>Admins see every reference dataset (as-of date, rows, licence, status) and reload them without a restart,
/// and whether the Data Protection key ring is wrapped with a key-encryption key.</summary>
public sealed class ReferenceDataModel(IMediator mediator, KeyEncryptionKeys keyEncryptionKeys) : PageModel
{
    public KeyEncryptionKeys KeyEncryptionKeys => keyEncryptionKeys;
    public DatasetInfo[] Datasets { get; private set; } = [];
    public bool Reloaded { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Datasets = await mediator.Send(new ListReferenceData.Query(), ct);

    public async Task<IActionResult> OnPostReloadAsync(CancellationToken ct)
    {
        Datasets = await mediator.Send(new ReloadReferenceData.Command(), ct);
        Reloaded = true;
        return Page();
    }
}
