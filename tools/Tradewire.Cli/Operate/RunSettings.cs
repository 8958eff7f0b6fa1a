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
