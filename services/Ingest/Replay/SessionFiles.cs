using System.Globalization;
using System.Text;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// Reads and writes the CSV parts of a recorded session: <c>bars.csv</c>
/// (<c>symbol,time,open,high,low,close,volume</c>, time = minute start HH:mm New York) and <c>news.csv</c>
/// (<c>time,source,id,title,summary</c>, RFC 4180 quoting). Lines are returned in file order: file order is
/// what the out-of-order and duplicate checks judge.
/// </summary>
public static class SessionFiles
{
    public const string BarsHeader = "symbol,time,open,high,low,close,volume";
    public const string NewsHeader = "time,source,id,title,summary";

    public static IEnumerable<RawBarRow> ReadBars(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header?.Trim() != BarsHeader)
            throw new InvalidDataException($"{path}: first line must be '{BarsHeader}', got '{header}'");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
                continue;
            var f = text.Split(',');
            yield return f.Length == 7
                ? new RawBarRow(line, f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(), f[5].Trim(), f[6].Trim(), text)
                : new RawBarRow(line, "", "", "", "", "", "", "", text); // the validator rejects it as MALFORMED_LINE
        }
    }

    public static IReadOnlyList<NewsRow> ReadNews(string path)
    {
        if (!File.Exists(path))
            return [];
        var lines = Csv.Parse(File.ReadAllText(path, Encoding.UTF8)).ToList();
        if (lines.Count == 0 || string.Join(',', lines[0].Fields) != NewsHeader)
            throw new InvalidDataException($"{path}: first line must be '{NewsHeader}'");
        var rows = new List<NewsRow>();
        foreach (var (lineNo, fields) in lines.Skip(1))
        {
            if (fields.Count != 5 || !TimeOnly.TryParseExact(fields[0], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                throw new InvalidDataException($"{path}:{lineNo}: expected time (HH:mm:ss),source,id,title,summary");
            rows.Add(new NewsRow(lineNo, time, fields[1], fields[2], fields[3], fields[4].Length == 0 ? null : fields[4]));
        }
        return rows;
    }

    public static string BarLine(string symbol, TimeOnly time, decimal open, decimal high, decimal low, decimal close, long volume) =>
        string.Create(CultureInfo.InvariantCulture, $"{symbol},{time:HH:mm},{open},{high},{low},{close},{volume}");

    public static string NewsLine(TimeOnly time, string source, string id, string title, string? summary) =>
        string.Join(',', time.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Csv.Quote(source), Csv.Quote(id), Csv.Quote(title), Csv.Quote(summary ?? ""));
}
