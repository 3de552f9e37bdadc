using System.Text;
using HireVet.Application.Common.Formats;

namespace HireVet.Infrastructure.ReferenceData.Sanctions;

/// <summary>Records of OFAC's legacy delimited files (<c>sdn.csv</c>, <c>alt.csv</c>, <c>add.csv</c>,
/// <c>sdn_comments.csv</c>): no header, comma-separated, text in double quotes (a quote doubled inside), CRLF between
/// records, a DOS end-of-file byte (0x1A) after the last one, and <c>-0- </c> for an empty value (returned as null).
/// The files are ASCII in practice; they are read as Windows-1252's Latin-1 subset so a stray accented byte
/// survives.</summary>
internal static class OfacCsvRecords
{
    public static IEnumerable<string?[]> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.Latin1);
        foreach (var record in Read(reader)) yield return record;
    }

    public static IEnumerable<string?[]> Read(TextReader reader) =>
        Csv.Read(reader).Select(record => record.Select(Value).ToArray());

    private static string? Value(Csv.Field field)
    {
        var trimmed = field.Value.Trim();
        return trimmed == "-0-" ? null : field.Quoted ? field.Value : trimmed;
    }
}
