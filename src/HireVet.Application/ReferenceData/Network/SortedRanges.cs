using System.Numerics;

namespace HireVet.Application.ReferenceData.Network;

/// <summary>
/// Sorted, non-overlapping inclusive ranges of <typeparamref name="T"/> (uint for IPv4, UInt128 for IPv6), each
/// with an optional int payload, searchable in O(log n). A 65,536-bucket index on the top 16 bits of the start
/// narrows every binary search to the few ranges that start in the same IPv4 /16 or IPv6 /16.
/// </summary>
internal sealed class SortedRanges<T> where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    private const int BucketBits = 16;
    private static readonly int Shift = (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * 8) - BucketBits;

    private readonly T[] _starts;
    private readonly T[] _ends;
    private readonly int[]? _values;

    // _bucketFirst[k] = index of the first range whose start has top bits >= k; length 2^16 + 1.
    private readonly int[] _bucketFirst;

    private SortedRanges(T[] starts, T[] ends, int[]? values)
    {
        _starts = starts;
        _ends = ends;
        _values = values;
        _bucketFirst = BuildBuckets(starts);
    }

    public static SortedRanges<T> Empty { get; } = new([], [], []);

    public int Count => _starts.Length;

    public ReadOnlySpan<T> Starts => _starts;

    public ReadOnlySpan<T> Ends => _ends;

    /// <summary>Approximate bytes held by the arrays (for diagnostics).</summary>
    public long ApproximateBytes =>
        ((long)_starts.Length * 2 * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
        + ((_values?.Length ?? 0) * 4L) + (_bucketFirst.Length * 4L);

    public int ValueAt(int index) => _values is null ? 0 : _values[index];

    /// <summary>Index of the range containing <paramref name="address"/>, or -1.</summary>
    public int IndexOf(T address)
    {
        var bucket = int.CreateTruncating(address >>> Shift);
        var lo = _bucketFirst[bucket];
        var hi = _bucketFirst[bucket + 1];
        var starts = _starts;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (starts[mid] <= address)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var candidate = lo - 1;
        return candidate >= 0 && _ends[candidate] >= address ? candidate : -1;
    }

    /// <summary>
    /// Builds a table from rows that each carry a value. Rows that are already sorted and disjoint (the normal case
    /// for the ip-location-db CSVs) are taken as they are. Otherwise overlaps are flattened so that the most specific
    /// row wins: rows are ordered by start, wider first on equal starts, and a row that starts inside an earlier one
    /// takes precedence over it for the addresses it covers (nested rows split their parent; for partial overlaps the
    /// later-starting row wins the overlap). Adjacent pieces with the same value are joined.
    /// </summary>
    public static SortedRanges<T> FromValuedRows(T[] starts, T[] ends, int[] values, int count)
    {
        var clean = true;
        for (var i = 1; i < count && clean; i++)
        {
            clean = starts[i] > ends[i - 1];
        }

        if (clean)
        {
            return new SortedRanges<T>(Trim(starts, count), Trim(ends, count), Trim(values, count));
        }

        var order = SortedOrder(starts, ends, count);
        var builder = new Builder(count, withValues: true);
        var stack = new List<int>();
        var cursor = T.Zero;
        foreach (var row in order)
        {
            var start = starts[row];
            while (stack.Count > 0 && cursor < start)
            {
                var top = stack[^1];
                if (ends[top] < cursor)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                var segmentEnd = T.Min(ends[top], start - T.One);
                builder.Add(cursor, segmentEnd, values[top], joinSameValue: true);
                if (segmentEnd == ends[top])
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                cursor = segmentEnd + T.One;
            }

            stack.Add(row);
            cursor = start;
        }

        while (stack.Count > 0)
        {
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (ends[top] < cursor)
            {
                continue;
            }

            builder.Add(cursor, ends[top], values[top], joinSameValue: true);
            if (ends[top] == T.MaxValue)
            {
                break;
            }

            cursor = ends[top] + T.One;
        }

        return builder.Build();
    }

    /// <summary>The union of the given ranges: sorted, with overlapping and adjacent ranges merged.</summary>
    public static SortedRanges<T> Union(T[] starts, T[] ends, int count)
    {
        var order = SortedOrder(starts, ends, count);
        var builder = new Builder(count, withValues: false);
        foreach (var row in order)
        {
            builder.AddMerging(starts[row], ends[row]);
        }

        return builder.Build();
    }

    private static int[] SortedOrder(T[] starts, T[] ends, int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Start ascending, then end descending (the wider row first), then input order: a stable, total order.
        Array.Sort(order, (a, b) =>
        {
            var c = starts[a].CompareTo(starts[b]);
            if (c != 0)
            {
                return c;
            }

            c = ends[b].CompareTo(ends[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    private static TItem[] Trim<TItem>(TItem[] array, int count)
    {
        if (array.Length == count)
        {
            return array;
        }

        var trimmed = new TItem[count];
        Array.Copy(array, trimmed, count);
        return trimmed;
    }

    private static int[] BuildBuckets(T[] starts)
    {
        var buckets = new int[(1 << BucketBits) + 1];
        var next = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            var key = int.CreateTruncating(starts[i] >>> Shift);
            while (next <= key)
            {
                buckets[next++] = i;
            }
        }

        while (next < buckets.Length)
        {
            buckets[next++] = starts.Length;
        }

        return buckets;
    }

    private sealed class Builder(int capacity, bool withValues)
    {
        private readonly List<T> _starts = new(capacity);
        private readonly List<T> _ends = new(capacity);
        private readonly List<int>? _values = withValues ? new(capacity) : null;

        public void Add(T start, T end, int value, bool joinSameValue)
        {
            var n = _starts.Count;
            if (joinSameValue && n > 0 && _values![n - 1] == value && _ends[n - 1] != T.MaxValue && _ends[n - 1] + T.One == start)
            {
                _ends[n - 1] = end;
                return;
            }

            _starts.Add(start);
            _ends.Add(end);
            _values?.Add(value);
        }

        /// <summary>Adds a range in start order, merging it into the previous one when they overlap or touch.</summary>
        public void AddMerging(T start, T end)
        {
            var n = _starts.Count;
            if (n > 0)
            {
                var lastEnd = _ends[n - 1];
                if (lastEnd == T.MaxValue || start <= lastEnd + T.One)
                {
                    if (end > lastEnd)
                    {
                        _ends[n - 1] = end;
                    }

                    return;
                }
            }

            _starts.Add(start);
            _ends.Add(end);
        }

        public SortedRanges<T> Build() => new([.. _starts], [.. _ends], _values is null ? null : [.. _values]);
    }
}
