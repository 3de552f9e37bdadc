using System.Globalization;

namespace HireVet.Application.Common.Data;

/// <summary>An array as PostgreSQL's array literal ("{1,2,3}", "{\"NET-01\",\"PAY-04\"}"), cast back with `::bigint[]` or
/// `::text[]` in SQL. A batch of arrays (one per row) travels as text this way, because `unnest` would flatten a
/// two-dimensional array.</summary>
public static class ArrayLiterals
{
    public static string Of(IEnumerable<long> values) => "{" + string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "}";

    /// <summary>Every element quoted, with backslashes and quotes escaped, so any text survives the round trip.</summary>
    public static string Of(IEnumerable<string> values) =>
        "{" + string.Join(',', values.Select(v => "\"" + v.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "}";
}
