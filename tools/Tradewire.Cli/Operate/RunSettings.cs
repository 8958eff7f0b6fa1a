using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>
/// What <c>./tradewire up</c> chose, kept in <c>.tradewire/run/settings.json</c> so that the supervisor starts
/// every restart of a service exactly as the first: the feed, the recorded session the local data server plays
/// (simulated feed), and the simulated market clock, identical for every service and the server. No secrets.
/// </summary>
public sealed record RunSettings(string Feed, string? SessionDir, DateOnly? Date, decimal ClockSpeed,
    DateTimeOffset? ClockOrigin, DateTimeOffset? ClockStartedAt, string TradingMode)
{
    public const string Replay = "replay", Simulated = "simulated", Alpaca = "alpaca";
    public static readonly string[] Feeds = [Replay, Simulated, Alpaca];

    /// <summary>The local Alpaca-protocol data server's address (simulated feed only).</summary>
    public static readonly Uri MarketDataServer = new("http://127.0.0.1:7190");

    /// <summary>
    /// The minute-closing watermark and the outage hold, in market time, for a clock running at
    /// <see cref="ClockSpeed"/>: ingest's defaults (5 s, 1 min) at real time, and never less than 2 s and 30 s of
    /// wall time when the clock runs faster, so that a busy machine's ordinary delays (a bar handed from the socket,
    /// a reconnect) do not read as late bars or an outage. At 60 x: 2 min and 30 min.
    /// </summary>
    public (TimeSpan Watermark, TimeSpan MaxHold) FeedTimings()
    {
        var speed = (double)Math.Max(1m, ClockSpeed);
        return (TimeSpan.FromSeconds(Math.Max(5, 2 * speed)), TimeSpan.FromSeconds(Math.Max(60, 30 * speed)));
    }

    public void Save(RunFiles files) => RunFiles.WriteAtomically(files.Settings, JsonSerializer.Serialize(this, JsonSerializerOptions.Web));

    public static RunSettings? Load(RunFiles files) =>
        File.Exists(files.Settings) ? JsonSerializer.Deserialize<RunSettings>(File.ReadAllText(files.Settings), JsonSerializerOptions.Web) : null;

    /// <summary>The simulated clock's settings (market now = Origin + (wall now - StartedAt) x Speed), when there is one.</summary>
    public IReadOnlyDictionary<string, string> ClockVariables() => ClockOrigin is { } origin && ClockStartedAt is { } started
        ? new Dictionary<string, string>
        {
            ["MarketClock__Speed"] = ClockSpeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MarketClock__Origin"] = origin.ToString("O"),
            ["MarketClock__StartedAt"] = started.ToString("O"),
        }
        : new Dictionary<string, string>();
}
