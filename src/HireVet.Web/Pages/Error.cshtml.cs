using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HireVet.Web.Pages;

/// <summary>The HTML error page for browser paths (the API answers with problem details instead).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "Not allowed",
        400 => "Bad request",
        429 => "Too many attempts",
        _ => "Something went wrong",
    };

    public string Message => Code switch
    {
        404 => "There is nothing at this address. Check the link, or go back to the start page.",
        403 => "Your role does not allow this page.",
        400 => "The request could not be understood.",
        429 => "Too many requests from this address. Wait a minute and try again.",
        _ => "HireVet could not complete the request. The error has been logged; nothing was half-saved. Please try again.",
    };

    public void OnGet(int? code) => Code = code ?? 500;

    public void OnPost(int? code) => Code = code ?? 500;
}
