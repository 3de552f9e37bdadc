using HireVet.Application.Common.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages;

/// <summary>The home page sends each role to where its work is; admins get a pointer to the admin CLI/API.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.Hr)) return Redirect("/candidates");
        if (User.IsInRole(Roles.Security)) return Redirect("/reviews");
        if (User.IsInRole(Roles.Auditor)) return Redirect("/audit");
        return Page();
    }
}
