using System.Text.Json.Nodes;
using HireVet.Application.Candidates;
using HireVet.Application.Dossiers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HireVet.Web.Endpoints;

/// <summary>What the OpenAPI document says about the dossier fields intake reads leniently: dates to the year, month
/// or day, and the enumerated values with the spellings accepted for them (stored as the canonical value).</summary>
public static class DossierSchemas
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(PartialDate))
        {
            schema.Type = JsonSchemaType.String; // a nullable date is a oneOf with null at the property
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Pattern = @"^\d{4}(-\d{2}(-\d{2})?)?";
            schema.Description = "A date to the year (2019), the month (2019-06) or the day (2019-06-15); a timestamp counts as its " +
                                 "date. The precision is kept, and checks compare at it.";
        }
        if (context.JsonPropertyInfo is { } property)
        {
            var vocabulary = (property.DeclaringType.Name, property.Name) switch
            {
                (nameof(IdentityDocument), "type") => Vocabulary.DocumentTypes,
                (nameof(DeveloperProfile), "kind") => Vocabulary.ProfileKinds,
                (nameof(PayrollDestination), "method") => Vocabulary.PayrollMethods,
                (nameof(RecordIdentityVerification.Command), "documentType") => Vocabulary.DocumentTypes,
                (nameof(RecordIdentityVerification.Command), "livenessOutcome" or "documentOutcome") => Vocabulary.VerificationOutcomes,
                _ => null,
            };
            if (vocabulary is not null)
            {
                schema.Description = $"One of {string.Join(", ", vocabulary.Values)}; common spellings such as {vocabulary.Examples} are " +
                                     "accepted and stored as the canonical value.";
                schema.Examples = [.. vocabulary.Values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
        }
        return Task.CompletedTask;
    }
}
