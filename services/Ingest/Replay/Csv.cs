using System.Text;

namespace Tradewire.Ingest.Replay;

/// <summary>Minimal RFC 4180 reader/writer: quoted fields may hold commas, quotes ("") and line breaks.</summary>
static class Csv
{
    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>Records with the line number each starts on.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) yield return (start, fields);
                    fields = [];
                    line++;
                    start = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted)
            throw new InvalidDataException($"line {start}: unterminated quoted field");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
