using System.Text;

namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>Records of OFAC's legacy delimited files (<c>sdn.csv</c>, <c>alt.csv</c>, <c>add.csv</c>,
/// <c>sdn_comments.csv</c>): no header, comma-separated, text in double quotes (a quote doubled inside), CRLF between
/// records, a DOS end-of-file byte (0x1A) after the last one, and <c>-0- </c> for an empty value (returned as null).
/// The files are ASCII in practice; they are read as Windows-1252's Latin-1 subset so a stray accented byte
/// survives.</summary>
internal static class OfacCsvRecords
{
    private const char EndOfFile = '\u001a';

    public static IEnumerable<string?[]> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.Latin1);
        foreach (var record in Read(reader)) yield return record;
    }

    public static IEnumerable<string?[]> Read(TextReader reader)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        var any = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (reader.Peek() == '"') field.Append((char)reader.Read());
                else inQuotes = false;
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = quoted = any = true;
                    break;
                case ',':
                    fields.Add(Value(field, quoted));
                    quoted = false;
                    any = true;
                    break;
                case '\r' or '\n' or EndOfFile:
                    if (any || field.Length > 0)
                    {
                        fields.Add(Value(field, quoted));
                        yield return [.. fields];
                    }

                    fields.Clear();
                    quoted = any = false;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (inQuotes) throw new FormatException("The file ends inside a quoted value.");
        if (any || field.Length > 0)
        {
            fields.Add(Value(field, quoted));
            yield return [.. fields];
        }
    }

    private static string? Value(StringBuilder field, bool quoted)
    {
        var text = field.ToString();
        field.Clear();
        var trimmed = text.Trim();
        return trimmed == "-0-" ? null : quoted ? text : trimmed;
    }
}
