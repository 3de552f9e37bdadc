using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HireVet.Application.Ingestion.Formats;

/// <summary>The wrappers identity providers deliver events in, opened into the events: a Microsoft Graph page
/// (<c>{"@odata.context": …, "value": [signIn, …], "@odata.nextLink": …}</c>), an Azure Monitor diagnostic-setting batch
/// as Event Hubs delivers it (<c>{"records": [record, …]}</c>) and an Okta Event Hook delivery (a CloudEvents envelope
/// whose <c>data.events</c> holds LogEvents). Anything else is an event in its own right. The sign-in uploads, the
/// scheduled puller and the Event Hook endpoint all open envelopes here.</summary>
public static class Envelopes
{
    /// <summary>The events an element holds: an envelope's in order (none for an empty page), else the element itself.
    /// The events are parts of the element's document and live as long as it does.</summary>
    public static IEnumerable<JsonElement> Expand(JsonElement element) =>
        Contents(element) is { } events ? events.EnumerateArray() : [element];

    /// <summary>An upload's items with every envelope replaced by its events, each an item of its own: numbered by the
    /// envelope's line (or array position), with its <see cref="UploadItem.Position"/> inside the envelope.</summary>
    public static async IAsyncEnumerable<UploadItem> Expand(IAsyncEnumerable<UploadItem> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in items.WithCancellation(ct))
        {
            if (item.Element is not { } element || Contents(element) is not { } events)
            {
                yield return item;
                continue;
            }
            // The source keeps the envelope's document until it is asked for its next item, after these.
            var position = 0;
            foreach (var e in events.EnumerateArray()) yield return item with { Element = e, Position = ++position };
        }
    }

    /// <summary>An envelope's array of events; null when the element is not an envelope. None of the events themselves
    /// has a `value` beside only annotations, a `records` array or a `data.events` array.</summary>
    private static JsonElement? Contents(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        if (element.TryGetProperty("value", out var page) && page.ValueKind == JsonValueKind.Array && element.EnumerateObject().All(IsPageProperty))
            return page;
        if (Array(element, "records") is { } records) return records;
        if (EventFields.Property(element, "data") is { } data && Array(data, "events") is { } hook) return hook;
        return null;
    }

    /// <summary>A Graph page holds the collection and OData annotations (@odata.context, @odata.nextLink, @odata.count;
    /// "odata.nextLink" in the older OData JSON).</summary>
    private static bool IsPageProperty(JsonProperty property) =>
        property.NameEquals("value") || property.Name.StartsWith('@') || property.Name.StartsWith("odata.", StringComparison.Ordinal);

    private static JsonElement? Array(JsonElement element, string name) =>
        EventFields.Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array : null;
}
