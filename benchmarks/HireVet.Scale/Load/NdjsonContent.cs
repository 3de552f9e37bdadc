using System.Net;
using System.Net.Http.Headers;

namespace HireVet.Scale.Load;

/// <summary>Dossiers as newline-delimited JSON, streamed with chunked transfer encoding (no Content-Length): the
/// server can read and store line by line, and the app's declared-length check for ordinary bodies does not apply.</summary>
public sealed class NdjsonContent : HttpContent
{
    private readonly IReadOnlyList<byte[]> _lines;

    public NdjsonContent(IReadOnlyList<byte[]> lines)
    {
        _lines = lines;
        Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var line in _lines)
        {
            await stream.WriteAsync(line);
            stream.WriteByte((byte)'\n');
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
