using System.Globalization;
using System.Text;

namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>A recorded session written to a temporary directory (docs/replay-format.md), deleted on dispose.</summary>
internal sealed class SessionFolder : IDisposable
{
    /// <summary>The recording's date; 09:30 New York on it is 14:30 UTC.</summary>
    public static readonly DateOnly Date = new(2026, 11, 20);
    public static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    SessionFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Every symbol gets a clean bar for each of the first <paramref name="minutes"/> minutes, then <paramref name="extraLines"/> as written.</summary>
    public static SessionFolder Write(string[] symbols, int minutes, params string[] extraLines)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tw-session-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Combine(path, "manifest.json"),
            $$"""{"format":"tradewire-session","version":1,"date":"{{Date:yyyy-MM-dd}}","timezone":"America/New_York","symbols":[{{string.Join(',', symbols.Select(s => $"\"{s}\""))}}]}""");
        var csv = new StringBuilder("symbol,time,open,high,low,close,volume\n");
        for (var m = 0; m < minutes; m++)
            foreach (var (symbol, i) in symbols.Select((s, i) => (s, i)))
                csv.Append(CultureInfo.InvariantCulture, $"{symbol},{Time(m)},{100 + i}.10,{100 + i}.50,{100 + i}.00,{100 + i}.25,{1000 + m}\n");
        foreach (var line in extraLines) csv.Append(line).Append('\n');
        File.WriteAllText(System.IO.Path.Combine(path, "bars.csv"), csv.ToString());
        return new SessionFolder(path);
    }

    /// <summary>The New York wall-clock time of minute <paramref name="m"/> after the open, as the CSV writes it.</summary>
    public static string Time(int m) => new TimeOnly(9, 30).AddMinutes(m).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateTimeOffset Minute(int m) => Open.AddMinutes(m);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
