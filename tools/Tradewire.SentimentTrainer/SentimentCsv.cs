using System.Globalization;
using System.Text;
using Tradewire.Classifier.Sentiment;

namespace Tradewire.SentimentTrainer;

/// <summary>
/// Reads the <c>text,label</c> training file (RFC 4180: quoted fields may hold commas, doubled quotes and line
/// breaks; label codes 0 bearish, 1 bullish, 2 neutral). Rows keep file order.
/// </summary>
public static class SentimentCsv
{
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        var records = ParseRecords(File.ReadAllText(path));
        if (records.Count == 0 || records[0] is not ["text", "label"])
            throw new FormatException($"{path}: header must be 'text,label'");
        return records.Skip(1).Select((r, i) => r.Count == 2
                ? new LabelledText(r[0], SentimentLabels.FromDatasetCode(int.Parse(r[1], CultureInfo.InvariantCulture)))
                : throw new FormatException($"{path}: record {i + 2} has {r.Count} fields"))
            .ToArray();
    }

    static List<List<string>> ParseRecords(string content)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': EndRecord(); break;
                default: field.Append(c); break;
            }
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            record.Add(field.ToString());
            field.Clear();
            if (record is not [""])
                records.Add(record);
            record = [];
        }
    }
}
