using System.Text;

namespace HireVet.Application.Common.Formats;

/// <summary>HireVet's one CSV reader (RFC 4180): fields separated by commas, optionally in double quotes; quoted fields
/// may hold commas, line breaks and doubled quotes. A record ends at LF, CR or CRLF outside quotes, and at the DOS
/// end-of-file byte OFAC's files end with; blank lines are no records, and a byte-order mark is skipped. Each field
/// says whether it was quoted, for formats that give that a meaning (OFAC's <c>-0-</c> and padding).</summary>
public static class Csv
{
    public readonly record struct Field(string Value, bool Quoted);

    private const char EndOfFile = '\u001a';
    private const char ByteOrderMark = '\uFEFF';

    public static IEnumerable<Field[]> Read(TextReader reader)
    {
        var fields = new List<Field>();
        var field = new StringBuilder();
        bool quoted = false, inQuotes = false, any = false, first = true;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (first && c == ByteOrderMark)
            {
                first = false;
                continue;
            }
            first = false;
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
                    fields.Add(Take(field, quoted));
                    quoted = false;
                    any = true;
                    break;
                case '\r' or '\n' or EndOfFile:
                    if (any || field.Length > 0)
                    {
                        fields.Add(Take(field, quoted));
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

        if (inQuotes) throw new FormatException("The CSV ends inside a quoted value.");
        if (any || field.Length > 0)
        {
            fields.Add(Take(field, quoted));
            yield return [.. fields];
        }
    }

    /// <summary>The values of every record.</summary>
    public static IEnumerable<string[]> ReadValues(TextReader reader) => Read(reader).Select(r => r.Select(f => f.Value).ToArray());

    /// <summary>The fields of one line (a line of an upload, a row of an export).</summary>
    public static IReadOnlyList<string> Split(string line) =>
        ReadValues(new StringReader(line)).FirstOrDefault() ?? [""];

    private static Field Take(StringBuilder field, bool quoted)
    {
        var value = new Field(field.ToString(), quoted);
        field.Clear();
        return value;
    }
}
