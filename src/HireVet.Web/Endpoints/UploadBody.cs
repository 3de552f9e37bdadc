using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HireVet.Application.Common.Formats;
using HireVet.Application.Ingestion;
using HireVet.Application.Ingestion.Formats;

namespace HireVet.Web.Endpoints;

/// <summary>An integration upload's body, read as it streams in: a JSON array, NDJSON (one event a line), one JSON
/// value printed over several lines, or, when the endpoint takes it, CSV with a header row.</summary>
public static class UploadBody
{
    /// <summary>The longest line (or whole body of one value) of the uploads that take one event a line.</summary>
    public const int MaxLine = 1_048_576;

    /// <summary>The longest line, or whole body of one value, of the uploads that take envelopes of events
    /// (<see cref="Envelopes"/>): a Graph page of a thousand signIns runs to several MiB.</summary>
    public const int MaxEnvelope = 64 * 1_048_576;

    /// <summary>The body's items in order: a JSON array's elements by position; NDJSON's lines by number, each at most
    /// maxObject bytes; CSV's rows by line. A body whose first line opens a JSON object it does not close (one value
    /// printed over several lines, as Graph's documentation shows a page) is read whole, at most maxObject bytes, as the
    /// one item of line 1 (unless its second line is a JSON object of its own: then it is NDJSON with a cut first
    /// line).</summary>
    public static async IAsyncEnumerable<UploadItem> ReadAsync(HttpRequest request, bool csv, int maxObject, [EnumeratorCancellation] CancellationToken ct)
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
        await using var lines = NdjsonLines.ReadAsync(body, maxObject, ct).GetAsyncEnumerator(ct);
        if (!await lines.MoveNextAsync()) yield break;
        var line = lines.Current;
        var more = await lines.MoveNextAsync();
        if (line.Bytes is { } first && OpensUnclosedObject(first) && more && !(lines.Current.Bytes is { } second && IsOneObject(second)))
        {
            var (value, number, problem) = await OneValueAsync(lines, line.Number, first, maxObject);
            using (value) yield return new UploadItem(number, value?.RootElement, problem is null ? null : Errors("body", problem));
            yield break;
        }
        while (true)
        {
            JsonDocument? document = null;
            string? problem = null;
            if (line.Bytes is null) problem = $"The line is longer than {maxObject} bytes.";
            else
            {
                try { document = JsonDocument.Parse(line.Bytes); }
                catch (JsonException e) { problem = $"Not valid JSON: {Reason(e)}"; }
            }
            // The caller has read the event when it asks for the next one, so its document goes back to the pool then.
            using (document) yield return new UploadItem(line.Number, document?.RootElement, problem is null ? null : Errors("event", problem));
            if (!more) yield break;
            line = lines.Current;
            more = await lines.MoveNextAsync();
        }
    }

    /// <summary>The rest of a body that is one JSON value over several lines (lines.Current is its second line), parsed
    /// whole; or why not, with the line to blame.</summary>
    private static async Task<(JsonDocument? Value, int Line, string? Problem)> OneValueAsync(
        IAsyncEnumerator<(int Number, byte[]? Bytes)> lines, int firstNumber, byte[] first, int maxObject)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(first.Length * 4, 4096));
        buffer.Write(first);
        var last = firstNumber;
        do
        {
            var (number, bytes) = lines.Current;
            if (bytes is null || buffer.WrittenCount + (number - last) + bytes.Length > maxObject)
                return (null, firstNumber, $"The body is one JSON value over several lines and longer than {maxObject} bytes: send its events as a JSON array or NDJSON (one a line).");
            // Blank lines were left out: put them back, so that a JSON error names the body's own line.
            for (; last < number; last++) buffer.Write("\n"u8);
            buffer.Write(bytes);
        }
        while (await lines.MoveNextAsync());
        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory), firstNumber, null);
        }
        catch (JsonException e)
        {
            return (null, firstNumber + (int)(e.LineNumber ?? 0),
                $"The body is one JSON value over several lines, not valid JSON on this line: {Reason(e)}");
        }
    }

    /// <summary>True when the line starts a JSON object and ends inside it with nothing invalid on the way: the first
    /// line of an object printed over several lines.</summary>
    private static bool OpensUnclosedObject(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read())
                if (reader.CurrentDepth == 0) return false; // closed on this line
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>True when the line is exactly one JSON object.</summary>
    private static bool IsOneObject(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A JSON error without System.Text.Json's positions and advice to the programmer.</summary>
    private static string Reason(JsonException e) =>
        e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Replace(" Change the reader options.", "", StringComparison.Ordinal);

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
                next = new UploadItem(++number, null, Errors("event", $"Not valid JSON from this element on: {Reason(e)}"));
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
