namespace HireVet.Telemetry.Testing;

/// <summary>A span as received: ids in lower-case hex (parent empty for a root), times in Unix nanoseconds.</summary>
public sealed record ReceivedSpan
{
    public string Service { get; init; } = "";
    public string Scope { get; init; } = "";
    public string TraceId { get; init; } = "";
    public string SpanId { get; init; } = "";
    public string ParentSpanId { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    public int Kind { get; init; }
    public ulong StartNanos { get; init; }
    public ulong EndNanos { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<(string TraceId, string SpanId)> Links { get; init; } = [];
    /// <summary>OTLP's status code: 0 unset, 1 ok, 2 error.</summary>
    public int Status { get; init; }

    public TimeSpan Duration => TimeSpan.FromTicks((long)((EndNanos - StartNanos) / 100));
}

/// <summary>The parts of OTLP's protobuf messages (opentelemetry-proto, trace/v1 and metrics/v1) the receiver reads.</summary>
public static class OtlpModel
{
    /// <summary>ExportTraceServiceRequest: resource_spans(1) → resource(1), scope_spans(2) → scope(1), spans(2).</summary>
    public static List<ReceivedSpan> ReadSpans(ReadOnlySpan<byte> request, Func<string, bool>? keepAttribute = null)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.Next())
        {
            if (reader.Field != 1 || reader.WireType != 2) continue;
            var resourceSpans = new ProtobufReader(reader.Bytes);
            var service = "";
            var scopes = new List<byte[]>();
            while (resourceSpans.Next())
            {
                if (resourceSpans.Field == 1 && resourceSpans.WireType == 2)
                    service = ReadAttributes(resourceSpans.Bytes, 1).GetValueOrDefault("service.name", "");
                else if (resourceSpans.Field == 2 && resourceSpans.WireType == 2) scopes.Add(resourceSpans.Bytes.ToArray());
            }
            foreach (var scopeSpans in scopes) ReadScopeSpans(scopeSpans, service, spans, keepAttribute);
        }
        return spans;
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> data, string service, List<ReceivedSpan> spans, Func<string, bool>? keepAttribute)
    {
        var reader = new ProtobufReader(data);
        var scope = "";
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2) scope = ReadName(reader.Bytes, 1);
            else if (reader.Field == 2 && reader.WireType == 2) spans.Add(ReadSpan(reader.Bytes, service, scope, keepAttribute));
        }
    }

    private static ReceivedSpan ReadSpan(ReadOnlySpan<byte> data, string service, string scope, Func<string, bool>? keepAttribute)
    {
        var reader = new ProtobufReader(data);
        string traceId = "", spanId = "", parent = "", name = "";
        int kind = 0, status = 0;
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>();
        var links = new List<(string, string)>();
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = reader.Hex; break;
                case 2: spanId = reader.Hex; break;
                case 4: parent = reader.Hex; break;
                case 5: name = reader.String; break;
                case 6: kind = (int)reader.Value; break;
                case 7: start = reader.Value; break;
                case 8: end = reader.Value; break;
                case 9:
                    var (key, value) = ReadKeyValue(reader.Bytes);
                    if (keepAttribute?.Invoke(key) ?? true) attributes[key] = value;
                    break;
                case 13: links.Add(ReadLink(reader.Bytes)); break;
                case 15: status = ReadStatusCode(reader.Bytes); break;
            }
        }
        return new ReceivedSpan
        {
            Service = service, Scope = scope, TraceId = traceId, SpanId = spanId, ParentSpanId = parent, Name = name, Kind = kind,
            StartNanos = start, EndNanos = end, Attributes = attributes, Links = links, Status = status,
        };
    }

    private static (string TraceId, string SpanId) ReadLink(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        string traceId = "", spanId = "";
        while (reader.Next())
        {
            if (reader.Field == 1) traceId = reader.Hex;
            else if (reader.Field == 2) spanId = reader.Hex;
        }
        return (traceId, spanId);
    }

    private static int ReadStatusCode(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        while (reader.Next())
            if (reader.Field == 3 && reader.WireType == 0) return (int)reader.Value;
        return 0;
    }

    /// <summary>ExportMetricsServiceRequest: resource_metrics(1) → scope_metrics(2) → metrics(2) → name(1).</summary>
    public static List<string> ReadMetricNames(ReadOnlySpan<byte> request)
    {
        var names = new List<string>();
        var reader = new ProtobufReader(request);
        while (reader.Next())
        {
            if (reader.Field != 1 || reader.WireType != 2) continue;
            var resourceMetrics = new ProtobufReader(reader.Bytes);
            while (resourceMetrics.Next())
            {
                if (resourceMetrics.Field != 2 || resourceMetrics.WireType != 2) continue;
                var scopeMetrics = new ProtobufReader(resourceMetrics.Bytes);
                while (scopeMetrics.Next())
                    if (scopeMetrics.Field == 2 && scopeMetrics.WireType == 2) names.Add(ReadName(scopeMetrics.Bytes, 1));
            }
        }
        return names;
    }

    private static string ReadName(ReadOnlySpan<byte> data, int field)
    {
        var reader = new ProtobufReader(data);
        while (reader.Next())
            if (reader.Field == field && reader.WireType == 2) return reader.String;
        return "";
    }

    /// <summary>The string, int and bool attributes (KeyValue: key 1, value 2 → AnyValue: string 1, bool 2, int 3,
    /// double 4) among the repeated field <paramref name="field"/>.</summary>
    private static Dictionary<string, string> ReadAttributes(ReadOnlySpan<byte> data, int field)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtobufReader(data);
        while (reader.Next())
        {
            if (reader.Field != field || reader.WireType != 2) continue;
            var (key, value) = ReadKeyValue(reader.Bytes);
            attributes[key] = value;
        }
        return attributes;
    }

    private static (string Key, string Value) ReadKeyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        string key = "", value = "";
        while (reader.Next())
        {
            if (reader.Field == 1) key = reader.String;
            else if (reader.Field == 2)
            {
                var any = new ProtobufReader(reader.Bytes);
                while (any.Next())
                    value = any.Field switch
                    {
                        1 => any.String,
                        2 => (any.Value != 0).ToString(),
                        3 => ((long)any.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => BitConverter.UInt64BitsToDouble(any.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => value,
                    };
            }
        }
        return (key, value);
    }
}
