using System.Globalization;
using System.Text.Json;

namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The standalone market-data mode: <c>--market-data --url U --session DIR [--date yyyy-MM-dd] [--publish-delay S]
/// [--faults FILE.json]</c>; keys from APCA_API_KEY_ID / APCA_API_SECRET_KEY; the clock from MarketClock__Speed,
/// MarketClock__Origin and MarketClock__StartedAt, the settings ingest reads too.
/// </summary>
internal static class MarketDataCommand
{
    public const string Usage =
        "usage: APCA_API_KEY_ID=... APCA_API_SECRET_KEY=... Tradewire.FakeVenue --market-data --url http://127.0.0.1:7190 --session DIR "
        + "[--date yyyy-MM-dd] [--publish-delay SECONDS] [--faults FILE.json]";

    public static async Task<int> Run(string[] args, Func<string, int> usage)
    {
        string? url = null, session = null, date = null, delay = null, faults = null;
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--market-data": break;
                case "--url": url = Next(); break;
                case "--session": session = Next(); break;
                case "--date": date = Next(); break;
                case "--publish-delay": delay = Next(); break;
                case "--faults": faults = Next(); break;
                default: return usage($"unknown argument: {args[i]}");
            }
        }
        var keyId = Environment.GetEnvironmentVariable("APCA_API_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("APCA_API_SECRET_KEY");
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret)) return usage("APCA_API_KEY_ID and APCA_API_SECRET_KEY must be set");
        if (session is null || !Directory.Exists(session)) return usage("--session must name a recorded session directory");

        var options = new MarketDataOptions { KeyId = keyId, SecretKey = secret, SessionDirectory = session, Url = url ?? "http://127.0.0.1:7190" };
        try
        {
            options = options with
            {
                Date = date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                PublishDelay = delay is null ? options.PublishDelay : TimeSpan.FromSeconds(double.Parse(delay, CultureInfo.InvariantCulture)),
                Faults = faults is null ? [] : JsonSerializer.Deserialize<List<DataFault>>(File.ReadAllText(faults), Wire.Json) ?? [],
                Speed = Env("MarketClock__Speed", s => decimal.Parse(s, CultureInfo.InvariantCulture)) ?? 1m,
                Origin = Env("MarketClock__Origin", Instant),
                StartedAt = Env("MarketClock__StartedAt", Instant),
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or IOException)
        {
            return usage(e.Message);
        }

        await using var server = await MarketDataServer.Start(options);
        Console.WriteLine($"fake Alpaca market data v2 on {server.BaseUrl} (stream {server.StreamUrl()}), session {server.SessionDate:yyyy-MM-dd}, "
                          + $"market now {server.MarketNow:O}; Ctrl+C stops it");
        await server.WaitForShutdownAsync();
        return 0;
    }

    static T? Env<T>(string name, Func<string, T> parse) where T : struct =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? parse(text) : null;

    static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
