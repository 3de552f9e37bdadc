using System.Text.Json;
using System.Text.Json.Serialization;

namespace HireVet.Application.Dossiers;

/// <summary>How dossiers are stored: camelCase like the API, nulls left out.</summary>
public static class DossierJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
