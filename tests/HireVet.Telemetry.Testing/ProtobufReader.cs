namespace HireVet.Telemetry.Testing;

/// <summary>Just enough of the protobuf wire format to walk OTLP messages: each field as its number, wire type and
/// either a varint/fixed value or its bytes (length-delimited).</summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public int Field { get; private set; }
    public int WireType { get; private set; }
    public ulong Value { get; private set; }
    public ReadOnlySpan<byte> Bytes { get; private set; }

    public bool Next()
    {
        if (_position >= _data.Length) return false;
        var key = ReadVarint();
        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        Bytes = default;
        switch (WireType)
        {
            case 0:
                Value = ReadVarint();
                break;
            case 1:
                Value = BitConverter.ToUInt64(_data.Slice(_position, 8));
                _position += 8;
                break;
            case 2:
                var length = (int)ReadVarint();
                Bytes = _data.Slice(_position, length);
                _position += length;
                break;
            case 5:
                Value = BitConverter.ToUInt32(_data.Slice(_position, 4));
                _position += 4;
                break;
            default:
                throw new FormatException($"Unsupported protobuf wire type {WireType} at byte {_position}.");
        }
        return true;
    }

    public readonly string String => System.Text.Encoding.UTF8.GetString(Bytes);
    public readonly string Hex => Convert.ToHexStringLower(Bytes);

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
