using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// An IP range table (IPv4 and IPv6) mapping every covered address to an <c>int</c> value and a label, loaded from
/// the <c>@ip-location-db</c> "-num" CSVs: no header, <c>start,end,value...</c> with inclusive decimal bounds, sorted
/// by start. IPv4 ranges are kept as <see cref="uint"/> arrays and IPv6 as <see cref="UInt128"/> arrays; each range
/// points at an entry (value + label) so repeated organisations and country codes are stored once.
/// Lookups are a bucketed binary search and allocate nothing. Instances are immutable and thread-safe.
/// </summary>
public sealed class IpRangeTable
{
    private readonly SortedRanges<uint> _v4;
    private readonly SortedRanges<UInt128> _v6;
    private readonly int[] _entryValues;
    private readonly string[] _entryLabels;

    private IpRangeTable(SortedRanges<uint> v4, SortedRanges<UInt128> v6, int[] entryValues, string[] entryLabels, int skippedRows)
    {
        _v4 = v4;
        _v6 = v6;
        _entryValues = entryValues;
        _entryLabels = entryLabels;
        SkippedRows = skippedRows;
    }

    /// <summary>Number of ranges held (IPv4 + IPv6), after joining/flattening.</summary>
    public int Count => _v4.Count + _v6.Count;

    public int IPv4Count => _v4.Count;

    public int IPv6Count => _v6.Count;

    /// <summary>Distinct (value, label) pairs the ranges point to.</summary>
    public int EntryCount => _entryValues.Length;

    /// <summary>
    /// Source rows left out because their value cannot be represented: ASNs above <see cref="int.MaxValue"/>, which
    /// are all private-use or reserved 4-byte ASNs (e.g. one row carries AS4294967294).
    /// </summary>
    public int SkippedRows { get; }

    /// <summary>Approximate bytes held by the range arrays and the entry table (labels counted as UTF-16).</summary>
    public long ApproximateBytes
    {
        get
        {
            long labels = 0;
            var seen = new HashSet<string>(ReferenceEqualityComparer.Instance);
            foreach (var label in _entryLabels)
            {
                if (seen.Add(label))
                {
                    labels += 22 + (2L * label.Length);
                }
            }

            return _v4.ApproximateBytes + _v6.ApproximateBytes + (_entryValues.Length * 4L) + (_entryLabels.Length * 8L) + labels;
        }
    }

    /// <summary>
    /// Looks up an IPv4 or IPv6 address. IPv4-mapped IPv6 addresses (<c>::ffff:a.b.c.d</c>) are looked up as IPv4.
    /// </summary>
    public bool TryFind(IPAddress ip, out int value, [MaybeNullWhen(false)] out string label)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (IpNumbers.TryGetIPv4(ip, out var v4))
        {
            return TryFind(v4, out value, out label);
        }

        if (IpNumbers.TryGetIPv6(ip, out var v6))
        {
            return TryFind(v6, out value, out label);
        }

        value = 0;
        label = null;
        return false;
    }

    /// <summary>Hot path: looks up an IPv4 address given as a big-endian integer (1.2.3.4 = 0x01020304).</summary>
    public bool TryFind(uint ipv4, out int value, [MaybeNullWhen(false)] out string label)
    {
        var index = _v4.IndexOf(ipv4);
        if (index < 0)
        {
            value = 0;
            label = null;
            return false;
        }

        var entry = _v4.ValueAt(index);
        value = _entryValues[entry];
        label = _entryLabels[entry];
        return true;
    }

    /// <summary>Looks up an IPv6 address given as a big-endian 128-bit integer.</summary>
    public bool TryFind(UInt128 ipv6, out int value, [MaybeNullWhen(false)] out string label)
    {
        var index = _v6.IndexOf(ipv6);
        if (index < 0)
        {
            value = 0;
            label = null;
            return false;
        }

        var entry = _v6.ValueAt(index);
        value = _entryValues[entry];
        label = _entryLabels[entry];
        return true;
    }

    /// <summary>
    /// Loads <c>asn-ipv4-num.csv</c> and <c>asn-ipv6-num.csv</c> (<c>start,end,asn,organisation</c>; the organisation
    /// is double-quoted when it contains a comma or quote, with <c>""</c> for a quote). Value = ASN, label =
    /// organisation.
    /// </summary>
    public static IpRangeTable LoadAsn(Stream ipv4Csv, Stream ipv6Csv, string ipv4Name = "IPv4 ASN CSV", string ipv6Name = "IPv6 ASN CSV") =>
        Load(ipv4Csv, ipv6Csv, TableKind.Asn, ipv4Name, ipv6Name);

    /// <summary>
    /// Loads <c>asn-country-ipv4-num.csv</c> and <c>asn-country-ipv6-num.csv</c> (<c>start,end,CC</c>).
    /// Label = ISO 3166-1 alpha-2 code as written in the file; value = the two letters packed as
    /// <c>(first &lt;&lt; 8) | second</c> (e.g. "US" = 0x5553), stable across loads.
    /// </summary>
    public static IpRangeTable LoadCountry(Stream ipv4Csv, Stream ipv6Csv, string ipv4Name = "IPv4 country CSV", string ipv6Name = "IPv6 country CSV") =>
        Load(ipv4Csv, ipv6Csv, TableKind.Country, ipv4Name, ipv6Name);

    private enum TableKind
    {
        Asn,
        Country,
    }

    private static IpRangeTable Load(Stream v4Stream, Stream v6Stream, TableKind kind, string v4Name, string v6Name)
    {
        var entries = new EntryTable();
        var skipped = 0;
        var v4 = ReadRanges<uint>(v4Stream, kind, entries, v4Name, ref skipped);
        var v6 = ReadRanges<UInt128>(v6Stream, kind, entries, v6Name, ref skipped);
        return new IpRangeTable(v4, v6, [.. entries.Values], [.. entries.Labels], skipped);
    }

    private static SortedRanges<T> ReadRanges<T>(Stream stream, TableKind kind, EntryTable entries, string sourceName, ref int skipped)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>, System.Numerics.IUnsignedNumber<T>, System.Numerics.IMinMaxValue<T>
    {
        var capacity = 1 << 16;
        var starts = new T[capacity];
        var ends = new T[capacity];
        var values = new int[capacity];
        var count = 0;
        var scratch = new byte[256];
        var chars = new char[256];

        using var reader = new ByteLineReader(stream);
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var rest = line;
            if (!TryParseAddress(NextField(ref rest), out T start) || !TryParseAddress(NextField(ref rest), out T end) || start > end)
            {
                throw Malformed(sourceName, reader.LineNumber, "bad start/end");
            }

            int entry;
            if (kind == TableKind.Asn)
            {
                if (!IpNumbers.TryParseUInt32(NextField(ref rest), out var asn))
                {
                    throw Malformed(sourceName, reader.LineNumber, "bad ASN");
                }

                var organisation = UnquoteLastField(rest, ref scratch);
                if (asn > int.MaxValue)
                {
                    skipped++;
                    continue;
                }

                entry = entries.GetOrAdd((int)asn, organisation, ref chars);
            }
            else
            {
                var code = NextField(ref rest);
                if (code.Length != 2 || !char.IsAsciiLetterUpper((char)code[0]) || !char.IsAsciiLetterUpper((char)code[1]))
                {
                    throw Malformed(sourceName, reader.LineNumber, "country code is not two upper-case letters");
                }

                entry = entries.GetOrAdd((code[0] << 8) | code[1], code, ref chars);
            }

            if (count == starts.Length)
            {
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ends, count * 2);
                Array.Resize(ref values, count * 2);
            }

            starts[count] = start;
            ends[count] = end;
            values[count] = entry;
            count++;
        }

        return SortedRanges<T>.FromValuedRows(starts, ends, values, count);
    }

    private static bool TryParseAddress<T>(ReadOnlySpan<byte> digits, out T value)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>, System.Numerics.IUnsignedNumber<T>, System.Numerics.IMinMaxValue<T>
    {
        if (typeof(T) == typeof(uint))
        {
            var ok = IpNumbers.TryParseUInt32(digits, out var v4);
            value = T.CreateTruncating(v4);
            return ok;
        }

        var ok6 = IpNumbers.TryParseUInt128(digits, out var v6);
        value = T.CreateTruncating(v6);
        return ok6;
    }

    /// <summary>Returns the field up to the next comma and advances past it (unquoted fields only).</summary>
    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> rest)
    {
        var comma = rest.IndexOf((byte)',');
        ReadOnlySpan<byte> field;
        if (comma < 0)
        {
            field = rest;
            rest = default;
        }
        else
        {
            field = rest[..comma];
            rest = rest[(comma + 1)..];
        }

        return field;
    }

    /// <summary>
    /// The last field of a row, which may be RFC 4180-quoted (<c>"Cloudflare, Inc."</c>, <c>"LLC ""SPUTNIK"""</c>).
    /// An unquoted field runs to the end of the line, so a stray comma in an unquoted name is kept.
    /// </summary>
    private static ReadOnlySpan<byte> UnquoteLastField(ReadOnlySpan<byte> field, ref byte[] scratch)
    {
        if (field.IsEmpty || field[0] != (byte)'"')
        {
            return field;
        }

        var inner = field[1..];
        if (inner.IndexOf((byte)'"') == inner.Length - 1)
        {
            return inner[..^1]; // the common case: no escaped quotes inside
        }

        if (scratch.Length < inner.Length)
        {
            scratch = new byte[inner.Length * 2];
        }

        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var b = inner[i];
            if (b == (byte)'"')
            {
                if (i + 1 < inner.Length && inner[i + 1] == (byte)'"')
                {
                    scratch[length++] = b;
                    i++;
                    continue;
                }

                break; // closing quote; anything after it is ignored
            }

            scratch[length++] = b;
        }

        return scratch.AsSpan(0, length);
    }

    private static FormatException Malformed(string source, int line, string problem) =>
        new($"{source}, line {line}: {problem}.");

    /// <summary>Interns labels and (value, label) pairs while loading, allocating a string only for new labels.</summary>
    private sealed class EntryTable
    {
        private readonly Dictionary<string, int> _labelIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _labelLookup;
        private readonly List<string> _labelsById = [];
        private readonly Dictionary<long, int> _entries = [];

        public EntryTable() => _labelLookup = _labelIds.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<int> Values { get; } = [];

        public List<string> Labels { get; } = [];

        public int GetOrAdd(int value, ReadOnlySpan<byte> utf8Label, ref char[] chars)
        {
            var maxChars = Encoding.UTF8.GetMaxCharCount(utf8Label.Length);
            if (chars.Length < maxChars)
            {
                chars = new char[maxChars * 2];
            }

            var length = Encoding.UTF8.GetChars(utf8Label, chars);
            var text = chars.AsSpan(0, length);
            if (!_labelLookup.TryGetValue(text, out var labelId))
            {
                labelId = _labelsById.Count;
                var label = new string(text);
                _labelsById.Add(label);
                _labelIds.Add(label, labelId);
            }

            var key = ((long)value << 32) | (uint)labelId;
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = Values.Count;
                Values.Add(value);
                Labels.Add(_labelsById[labelId]);
                _entries.Add(key, entry);
            }

            return entry;
        }
    }
}
