using System.Globalization;

namespace HireVet.Application.Common.Data;

/// <summary>An array of numbers as PostgreSQL's array literal ("{1,2,3}"), cast back with `::bigint[]` in SQL. A batch
/// of arrays (one per row) travels as text this way, because `unnest` would flatten a two-dimensional array.</summary>
public static class ArrayLiterals
{
    public static string Of(IEnumerable<long> values) => "{" + string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "}";
}
