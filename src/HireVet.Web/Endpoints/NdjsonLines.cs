using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace HireVet.Web.Endpoints;

/// <summary>Reads an NDJSON body line by line as it streams in (never whole): the bulk import and the integrations'
/// event uploads.</summary>
public static class NdjsonLines
{
    /// <summary>The body's non-blank lines with their numbers, each copied out of the pipe; a line longer than
    /// maxLine comes back as null and is skipped without being buffered.</summary>
    public static async IAsyncEnumerable<(int Number, byte[]? Bytes)> ReadAsync(PipeReader reader, int maxLine, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        var skipping = false; // inside a line already known to be too long
        var scanned = 0L; // bytes at the start of the unread buffer already searched for a newline (a long line comes in many reads)
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            var buffer = read.Buffer;
            var lines = new List<(int, byte[]?)>();
            while (buffer.Slice(scanned).PositionOf((byte)'\n') is { } newline)
            {
                scanned = 0;
                number++;
                var line = buffer.Slice(0, newline);
                if (skipping || line.Length > maxLine) lines.Add((number, null));
                else if (Content(line) is { } content) lines.Add((number, content));
                skipping = false;
                buffer = buffer.Slice(buffer.GetPosition(1, newline));
            }
            scanned = buffer.Length;
            if (buffer.Length > maxLine)
            {
                skipping = true;
                buffer = buffer.Slice(buffer.End);
                scanned = 0;
            }

            if (read.IsCompleted)
            {
                if (skipping) lines.Add((++number, null));
                else if (buffer.Length > 0 && Content(buffer) is { } last) lines.Add((++number, last));
                reader.AdvanceTo(buffer.End);
                foreach (var line in lines) yield return line;
                yield break;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (var line in lines) yield return line;
        }
    }

    private static byte[]? Content(ReadOnlySequence<byte> line)
    {
        var bytes = line.ToArray();
        var text = bytes.AsSpan().Trim(" \t\r"u8);
        return text.IsEmpty ? null : text.Length == bytes.Length ? bytes : text.ToArray();
    }

}
