using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Ingestion;

namespace HireVet.Web.Endpoints;

/// <summary>An integration upload's body, read as it streams in: a JSON array, NDJSON (one event a line) or, when the
/// endpoint takes it, CSV with a header row.</summary>
public static class UploadBody
{
    private const int MaxLine = 1_048_576;

    /// <summary>The body's events in order with their line (NDJSON, CSV) or position (JSON array) numbers.</summary>
    public static async IAsyncEnumerable<UploadItem> ReadAsync(HttpRequest request, bool csv, [EnumeratorCancellation] CancellationToken ct)
    {
        var body = request.BodyReader;
        if (csv && request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            await foreach (var item in CsvAsync(body, ct)) yield return item;
            yield break;
        }
        if (await FirstByteAsync(body, ct) == (byte)'[')
        {
            await foreach (var item in ArrayAsync(body, ct)) yield return item;
            yield break;
        }
        await foreach (var (number, bytes) in NdjsonLines.ReadAsync(body, MaxLine, ct))
        {
            if (bytes is null)
            {
                yield return new UploadItem(number, null, Errors("event", $"The line is longer than {MaxLine} bytes."));
                continue;
            }
            JsonDocument? document = null;
            string? problem = null;
            try { document = JsonDocument.Parse(bytes); }
            catch (JsonException e) { problem = $"Not valid JSON: {e.Message.Split(" Path:")[0]}"; }
            // The caller has read the event when it asks for the next one, so its document goes back to the pool then.
            using (document) yield return new UploadItem(number, document?.RootElement, problem is null ? null : Errors("event", problem));
        }
    }

    /// <summary>A JSON array's elements one by one. Malformed JSON inside an array cannot be resynchronised: the
    /// events before it count, the rest of the body is one rejected item.</summary>
    private static async IAsyncEnumerable<UploadItem> ArrayAsync(PipeReader body, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body.AsStream(), cancellationToken: ct).GetAsyncEnumerator(ct);
        var number = 0;
        while (true)
        {
            UploadItem? next;
            try
            {
                if (!await elements.MoveNextAsync()) yield break;
                next = new UploadItem(++number, elements.Current, null);
            }
            catch (JsonException e)
            {
                next = new UploadItem(++number, null, Errors("event", $"Not valid JSON from this element on: {e.Message.Split(" Path:")[0]}"));
            }
            yield return next;
            if (next.Element is null) yield break;
        }
    }

    /// <summary>CSV with a header row naming the columns; each row becomes an object of strings. Quoted fields may
    /// hold commas and doubled quotes, not line breaks.</summary>
    private static async IAsyncEnumerable<UploadItem> CsvAsync(PipeReader body, [EnumeratorCancellation] CancellationToken ct)
    {
        string[]? header = null;
        await foreach (var (number, bytes) in NdjsonLines.ReadAsync(body, MaxLine, ct))
        {
            if (bytes is null)
            {
                yield return new UploadItem(number, null, Errors("row", $"The line is longer than {MaxLine} bytes."));
                continue;
            }
            var fields = Csv.Split(Encoding.UTF8.GetString(bytes));
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim())];
                continue;
            }
            if (fields.Count != header.Length)
            {
                yield return new UploadItem(number, null, Errors("row", $"Has {fields.Count} fields; the header names {header.Length}."));
                continue;
            }
            var row = new JsonObject();
            for (var i = 0; i < header.Length; i++)
                if (fields[i].Length > 0) row[header[i]] = fields[i];
            yield return new UploadItem(number, JsonSerializer.SerializeToElement(row), null);
        }
    }

    private static async Task<byte?> FirstByteAsync(PipeReader body, CancellationToken ct)
    {
        while (true)
        {
            var read = await body.ReadAsync(ct);
            foreach (var segment in read.Buffer)
                foreach (var b in segment.Span)
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                    {
                        body.AdvanceTo(read.Buffer.Start);
                        return b;
                    }
            if (read.IsCompleted)
            {
                body.AdvanceTo(read.Buffer.Start);
                return null;
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End); // all whitespace so far: wait for more
        }
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
