namespace Tradewire.Tests.Shared;

/// <summary>
/// A copy of a recorded session for the local Alpaca data server, with every line whose time lies outside the
/// regular session (09:30-16:00 New York) moved to the end of bars.csv. The replay judges a symbol's order only
/// against bars it accepted, so a refused 16:05 line does not make the lines after it late; the data server
/// publishes each line "when the recording reaches it" and would hold every later line of that symbol until 16:06.
/// Moving such lines changes nothing the replay accepts, so the replay of the original stays the reference.
/// Linked into each test project that plays a session live.
/// </summary>
static class ServedSession
{
    public static string Copy(string sessionDirectory)
    {
        var copy = Directory.CreateTempSubdirectory("served-session-").FullName;
        foreach (var file in Directory.GetFiles(sessionDirectory))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var lines = File.ReadAllLines(Path.Combine(sessionDirectory, "bars.csv"));
        static bool Outside(string line) =>
            line.Split(',') is { Length: 7 } f && TimeOnly.TryParseExact(f[1], "HH:mm", out var t) && (t < new TimeOnly(9, 30) || t >= new TimeOnly(16, 0));
        var body = lines.Skip(1).ToList();
        File.WriteAllLines(Path.Combine(copy, "bars.csv"), [lines[0], .. body.Where(l => !Outside(l)), .. body.Where(Outside)]);
        return copy;
    }
}
