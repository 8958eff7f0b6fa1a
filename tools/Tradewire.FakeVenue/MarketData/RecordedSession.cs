using System.Globalization;
using System.Text.Json;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// A recorded session directory (docs/replay-format.md: manifest.json + bars.csv) turned into the bars the server
/// publishes, re-dated to the date asked for. The CSV's New York wall-clock minutes land on the same exchange times of
/// that date.
/// </summary>
internal sealed class RecordedSession
{
    const string Zone = "America/New_York";
    static readonly TimeOnly RegularOpen = new(9, 30), RegularClose = new(16, 0);

    RecordedSession(DateOnly date, IReadOnlyList<SessionBar> bars, IReadOnlyList<string> unplayable)
    {
        Date = date;
        Bars = bars;
        Unplayable = unplayable;
    }

    public DateOnly Date { get; }

    /// <summary>Every playable CSV line in file order, bad values included.</summary>
    public IReadOnlyList<SessionBar> Bars { get; }

    /// <summary>Lines that name no minute (wrong field count, unreadable time): they cannot be put on a time axis.</summary>
    public IReadOnlyList<string> Unplayable { get; }

    /// <exception cref="InvalidDataException">The directory is not a readable session of format version 1.</exception>
    public static RecordedSession Load(string directory, DateOnly? date, TimeSpan publishDelay)
    {
        var manifest = ReadManifest(Path.Combine(directory, "manifest.json"));
        var day = date ?? manifest;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var bars = new List<SessionBar>();
        var unplayable = new List<string>();
        // A line is published when the recording reaches it: a bar that comes after a later minute of its symbol
        // goes out with that later minute, so the client meets it out of order, as the file has it.
        var reached = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(directory, "bars.csv"));
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 7 || !TimeOnly.TryParseExact(f[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                unplayable.Add($"line {i + 1}: {lines[i]}");
                continue;
            }
            var local = day.ToDateTime(time, DateTimeKind.Unspecified);
            var minute = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
            var turn = reached.TryGetValue(f[0], out var last) && last > minute ? last : minute;
            // A line outside regular hours (09:30-16:00 New York) is an extended-hours bar: the stream sends it in
            // its own minute, and it holds nothing back. Were it to set the symbol's place in the recording, every
            // later regular line of that symbol would wait for it and miss its session.
            if (time >= RegularOpen && time < RegularClose)
                reached[f[0]] = turn;
            bars.Add(Bar(i + 1, f, minute, turn.AddMinutes(1) + publishDelay));
        }
        return new RecordedSession(day, bars, unplayable);
    }

    static SessionBar Bar(int line, string[] f, DateTimeOffset minute, DateTimeOffset publishAt)
    {
        decimal? open = Price(f[2]), high = Price(f[3]), low = Price(f[4]), close = Price(f[5]);
        long? volume = long.TryParse(f[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        // The recording has no trades: the trade count and VWAP Alpaca adds to every bar are derived, plainly, from
        // what it has (a trade per hundred shares, the typical price), so the fields are present and plausible.
        long? trades = volume is { } shares ? Math.Max(shares > 0 ? 1 : 0, shares / 100) : null;
        decimal? vwap = high is { } h && low is { } l && close is { } c ? Math.Round((h + l + c) / 3, 4) : null;
        return new SessionBar(line, f[0], minute, open, high, low, close, volume, trades, vwap, publishAt);
    }

    static decimal? Price(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p)
            ? p
            : null;

    static DateOnly ReadManifest(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (Text("format") != "tradewire-session") throw new InvalidDataException($"{path}: format is not tradewire-session");
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
            throw new InvalidDataException($"{path}: only version 1 is read");
        if (Text("timezone") != Zone) throw new InvalidDataException($"{path}: timezone must be {Zone}");
        return DateOnly.TryParseExact(Text("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{path}: date is not yyyy-MM-dd");
    }
}
