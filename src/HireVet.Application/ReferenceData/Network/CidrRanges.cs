using System.Net;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// A set of CIDR blocks (IPv4 and IPv6), merged into sorted, disjoint ranges for O(log n) membership tests.
/// Reads the X4BNet <c>output/*/ipv4.txt</c> / <c>ipv6.txt</c> format: one CIDR per line; blank lines and
/// <c>#</c> comments (whole-line or trailing) are skipped. A bare address counts as a host route (/32 or /128).
/// Host bits below the prefix length are ignored. Instances are immutable and thread-safe.
/// </summary>
public sealed class CidrRanges
{
    private readonly SortedRanges<uint> _v4;
    private readonly SortedRanges<UInt128> _v6;

    private CidrRanges(SortedRanges<uint> v4, SortedRanges<UInt128> v6, int count)
    {
        _v4 = v4;
        _v6 = v6;
        Count = count;
    }

    public static CidrRanges Empty { get; } = new(SortedRanges<uint>.Empty, SortedRanges<UInt128>.Empty, 0);

    /// <summary>Number of CIDR blocks read from the source (before merging).</summary>
    public int Count { get; }

    /// <summary>Number of disjoint ranges after merging overlapping and adjacent blocks (IPv4 + IPv6).</summary>
    public int RangeCount => _v4.Count + _v6.Count;

    public int IPv4RangeCount => _v4.Count;

    public int IPv6RangeCount => _v6.Count;

    /// <summary>Approximate bytes held by the range arrays.</summary>
    public long ApproximateBytes => _v4.ApproximateBytes + _v6.ApproximateBytes;

    /// <summary>The merged IPv4 ranges as (first, last) pairs, in order.</summary>
    public IEnumerable<(uint First, uint Last)> IPv4Ranges
    {
        get
        {
            for (var i = 0; i < _v4.Count; i++)
            {
                yield return (_v4.Starts[i], _v4.Ends[i]);
            }
        }
    }

    /// <summary>The merged IPv6 ranges as (first, last) pairs, in order.</summary>
    public IEnumerable<(UInt128 First, UInt128 Last)> IPv6Ranges
    {
        get
        {
            for (var i = 0; i < _v6.Count; i++)
            {
                yield return (_v6.Starts[i], _v6.Ends[i]);
            }
        }
    }

    /// <summary>True when the address is inside any block. IPv4-mapped IPv6 addresses are tested as IPv4.</summary>
    public bool Contains(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        if (IpNumbers.TryGetIPv4(ip, out var v4))
        {
            return Contains(v4);
        }

        return IpNumbers.TryGetIPv6(ip, out var v6) && Contains(v6);
    }

    /// <summary>IPv4 address as a big-endian integer (1.2.3.4 = 0x01020304).</summary>
    public bool Contains(uint ipv4) => _v4.IndexOf(ipv4) >= 0;

    public bool Contains(UInt128 ipv6) => _v6.IndexOf(ipv6) >= 0;

    /// <summary>Parses CIDR lines; throws <see cref="FormatException"/> naming the line for anything unparseable.</summary>
    public static CidrRanges Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new Accumulator();
        builder.AddLines(lines, "input");
        return builder.Build();
    }

    /// <summary>Merges one or more CIDR lists (typically an <c>ipv4.txt</c> and an <c>ipv6.txt</c>), each named by its
    /// source in error messages.</summary>
    public static CidrRanges Merge(params (string Source, IEnumerable<string> Lines)[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var builder = new Accumulator();
        foreach (var (source, lines) in lists)
        {
            builder.AddLines(lines, source);
        }

        return builder.Build();
    }

    private sealed class Accumulator
    {
        private uint[] _v4Starts = new uint[1024];
        private uint[] _v4Ends = new uint[1024];
        private UInt128[] _v6Starts = new UInt128[256];
        private UInt128[] _v6Ends = new UInt128[256];
        private int _v4Count;
        private int _v6Count;

        public void AddLines(IEnumerable<string> lines, string source)
        {
            var lineNumber = 0;
            foreach (var line in lines)
            {
                lineNumber++;
                var text = line.AsSpan();
                var hash = text.IndexOf('#');
                if (hash >= 0)
                {
                    text = text[..hash];
                }

                text = text.Trim();
                if (text.IsEmpty)
                {
                    continue;
                }

                if (!IpNumbers.TryParseCidr(text, out var isIPv6, out var first, out var last))
                {
                    throw new FormatException($"{source}, line {lineNumber}: '{line}' is not an IPv4 or IPv6 CIDR block.");
                }

                if (isIPv6)
                {
                    Append(ref _v6Starts, ref _v6Ends, ref _v6Count, first, last);
                }
                else
                {
                    Append(ref _v4Starts, ref _v4Ends, ref _v4Count, (uint)first, (uint)last);
                }
            }
        }

        public CidrRanges Build() => new(
            SortedRanges<uint>.Union(_v4Starts, _v4Ends, _v4Count),
            SortedRanges<UInt128>.Union(_v6Starts, _v6Ends, _v6Count),
            _v4Count + _v6Count);

        private static void Append<T>(ref T[] starts, ref T[] ends, ref int count, T first, T last)
        {
            if (count == starts.Length)
            {
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ends, count * 2);
            }

            starts[count] = first;
            ends[count] = last;
            count++;
        }
    }
}
