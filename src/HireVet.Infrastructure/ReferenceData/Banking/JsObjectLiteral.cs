using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HireVet.Infrastructure.ReferenceData.Banking;

/// <summary>
/// Reads one JavaScript object literal out of a script, for data that npm packages ship only as code (ibantools'
/// <c>countrySpecs</c>). It understands what such tables are written with: identifier, string and number keys;
/// single- or double-quoted strings with escapes; numbers; <c>true</c>, <c>false</c>, <c>null</c>,
/// <c>undefined</c>; nested objects and arrays; trailing commas; line and block comments. A bare identifier as a
/// value (a function such as <c>checkFrenchBBAN</c>) becomes a <see cref="Reference"/> naming it. Anything else
/// (a call, an expression, a template string) is a <see cref="FormatException"/> naming the offset: the table is
/// never guessed at.
/// </summary>
public static partial class JsObjectLiteral
{
    /// <summary>A value that is a name in the script (a function or constant), not data.</summary>
    public sealed record Reference(string Name);

    /// <summary>The object literal assigned to <paramref name="name"/> (<c>exports.name = {…}</c>,
    /// <c>export const name = {…}</c>, <c>var name = {…}</c>): string keys to string, double, bool, null,
    /// <see cref="Reference"/>, nested dictionaries and lists, in source order.</summary>
    /// <exception cref="FormatException">The script assigns no object literal, or more than one, to that name, or the
    /// literal holds something other than data.</exception>
    public static IReadOnlyDictionary<string, object?> Assigned(string script, string name)
    {
        ArgumentNullException.ThrowIfNull(script);
        var assignments = AssignmentPattern().Matches(script)
            .Where(m => m.Groups["name"].Value == name && !InsideComment(script, m.Index))
            .ToArray();
        if (assignments.Length != 1)
            throw new FormatException($"Expected one object literal assigned to '{name}', found {assignments.Length}.");

        var parser = new Parser(script, assignments[0].Index + assignments[0].Length - 1);
        return parser.Object();
    }

    /// <summary>Parses a script that is a single object literal, such as <c>{ AD: { chars: 24 } }</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Parse(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var parser = new Parser(literal, 0);
        parser.SkipTrivia();
        var value = parser.Object();
        parser.SkipTrivia();
        if (!parser.AtEnd) throw parser.Error("text after the object literal");
        return value;
    }

    // Only a whole line or block comment before the match counts; that is enough to skip a commented-out old table.
    private static bool InsideComment(string script, int index)
    {
        var lineStart = script.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        if (script.AsSpan(lineStart, index - lineStart).Contains("//", StringComparison.Ordinal)) return true;
        var open = script.LastIndexOf("/*", index, StringComparison.Ordinal);
        return open >= 0 && script.IndexOf("*/", open, StringComparison.Ordinal) is var close && (close < 0 || close > index);
    }

    [GeneratedRegex(@"(?<![\w$])(?:(?:exports|module\.exports|this|window)\.|(?:export\s+)?(?:const|let|var)\s+)(?<name>[A-Za-z_$][\w$]*)\s*=\s*\{")]
    private static partial Regex AssignmentPattern();

    private sealed class Parser(string text, int position)
    {
        private int _pos = position;

        public bool AtEnd => _pos >= text.Length;

        public Dictionary<string, object?> Object()
        {
            Expect('{');
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (true)
            {
                SkipTrivia();
                if (TryTake('}')) return result;
                var keyAt = _pos;
                var key = Key();
                SkipTrivia();
                Expect(':');
                SkipTrivia();
                // A repeated key keeps the last value in JavaScript; a data table that repeats one is wrong, so say so.
                if (!result.TryAdd(key, Value())) throw Error($"the key '{key}' appears twice", keyAt);
                SkipTrivia();
                if (TryTake(',')) continue;
                Expect('}');
                return result;
            }
        }

        private List<object?> Array()
        {
            Expect('[');
            var result = new List<object?>();
            while (true)
            {
                SkipTrivia();
                if (TryTake(']')) return result;
                result.Add(Value());
                SkipTrivia();
                if (TryTake(',')) continue;
                Expect(']');
                return result;
            }
        }

        private object? Value()
        {
            if (AtEnd) throw Error("the text ends inside the object literal");
            var c = text[_pos];
            if (c == '{') return Object();
            if (c == '[') return Array();
            if (c is '\'' or '"') return String();
            if (char.IsAsciiDigit(c) || c is '-' or '+' or '.') return Number();
            if (IsIdentifierStart(c))
            {
                var start = _pos;
                var word = Identifier();
                SkipTrivia();
                if (!AtEnd && text[_pos] is '(' or '.' or '[' or '`')
                    throw Error($"'{word}' is followed by an expression, not data", start);
                return word switch
                {
                    "true" => true,
                    "false" => false,
                    "null" or "undefined" => null,
                    _ => new Reference(word),
                };
            }

            throw Error($"unexpected '{c}'");
        }

        private string Key()
        {
            if (AtEnd) throw Error("the text ends inside the object literal");
            var c = text[_pos];
            if (c is '\'' or '"') return String();
            if (char.IsAsciiDigit(c)) return Number().ToString(CultureInfo.InvariantCulture);
            if (IsIdentifierStart(c)) return Identifier();
            throw Error($"expected a key, found '{c}'");
        }

        private string Identifier()
        {
            var start = _pos;
            while (!AtEnd && (IsIdentifierStart(text[_pos]) || char.IsAsciiDigit(text[_pos]))) _pos++;
            return text[start.._pos];
        }

        private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

        private double Number()
        {
            var start = _pos;
            if (text[_pos] is '-' or '+') _pos++;
            while (!AtEnd && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E' or '_'
                              || (text[_pos] is '-' or '+' && text[_pos - 1] is 'e' or 'E'))) _pos++;
            var literal = text[start.._pos].Replace("_", "", StringComparison.Ordinal);
            return double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error($"'{literal}' is not a number", start);
        }

        private string String()
        {
            var quote = text[_pos++];
            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("a string is not closed");
                var c = text[_pos++];
                if (c == quote) return value.ToString();
                if (c is '\n' or '\r') throw Error("a string runs past the end of its line", _pos - 1);
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (AtEnd) throw Error("a string is not closed");
                var escaped = text[_pos++];
                switch (escaped)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'v': value.Append('\v'); break;
                    case '0': value.Append('\0'); break;
                    case 'x': value.Append((char)Hex(2)); break;
                    case 'u' when !AtEnd && text[_pos] == '{':
                        var close = text.IndexOf('}', _pos);
                        if (close < 0) throw Error("an escape \\u{…} is not closed");
                        var codePoint = int.Parse(text.AsSpan(_pos + 1, close - _pos - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        value.Append(char.ConvertFromUtf32(codePoint));
                        _pos = close + 1;
                        break;
                    case 'u': value.Append((char)Hex(4)); break;
                    case '\r': if (!AtEnd && text[_pos] == '\n') _pos++; break; // a line continuation adds nothing
                    case '\n': break;
                    default: value.Append(escaped); break; // JavaScript keeps the character of an unknown escape ('\d' is "d")
                }
            }
        }

        private int Hex(int digits)
        {
            if (_pos + digits > text.Length
                || !int.TryParse(text.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
                throw Error("a hexadecimal escape is malformed");
            _pos += digits;
            return value;
        }

        public void SkipTrivia()
        {
            while (!AtEnd)
            {
                if (char.IsWhiteSpace(text[_pos])) _pos++;
                else if (text.AsSpan(_pos).StartsWith("//"))
                {
                    var end = text.IndexOf('\n', _pos);
                    _pos = end < 0 ? text.Length : end + 1;
                }
                else if (text.AsSpan(_pos).StartsWith("/*"))
                {
                    var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0) throw Error("a comment is not closed");
                    _pos = end + 2;
                }
                else return;
            }
        }

        private bool TryTake(char c)
        {
            if (AtEnd || text[_pos] != c) return false;
            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c)) throw Error(AtEnd ? $"expected '{c}', the text ends" : $"expected '{c}', found '{text[_pos]}'");
        }

        public FormatException Error(string what, int? at = null)
        {
            var offset = at ?? _pos;
            var line = 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');
            return new FormatException($"Not a data object literal at line {line} (offset {offset}): {what}.");
        }
    }
}
