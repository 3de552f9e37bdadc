using FluentValidation;

namespace HireVet.Web.Pages.Admin;

/// <summary>A form's validation errors by field (the command's JSON field names: "username", "url"), in the order
/// reported, for the admin forms: each input shows its own and points at them with aria-describedby.</summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => _errors;

    public void Add(string field, string message) => _errors.Add((field, message));

    public void Add(ValidationException e)
    {
        foreach (var error in e.Errors) Add(error.PropertyName, error.ErrorMessage);
    }

    public string[] For(string field) => [.. _errors.Where(e => e.Field == field).Select(e => e.Message).Distinct()];

    /// <summary>The ids an input's aria-describedby names: its hint (when it has one) and its errors (when any).</summary>
    public string? DescribedBy(string id, string field, bool hint = false)
    {
        var ids = new List<string>();
        if (hint) ids.Add(id + "-hint");
        if (For(field).Length > 0) ids.Add(id + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public string? Invalid(string field) => For(field).Length > 0 ? "true" : null;
}
