using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// <c>manifest.json</c> of a recorded session (format <c>tradewire-session</c>, version 1; see
/// docs/replay-format.md). Times in the session's CSV files are New York wall-clock times on
/// <see cref="Date"/>, so a replay can re-date the session (the demo replays it as the latest completed session).
/// </summary>
public sealed record SessionManifest
{
    public const string FormatName = "tradewire-session";
    public const int CurrentVersion = 1;

    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("version")] public required int Version { get; init; }
    [JsonPropertyName("date")] public required DateOnly Date { get; init; }
    [JsonPropertyName("timezone")] public required string TimeZone { get; init; }
    [JsonPropertyName("symbols")] public required IReadOnlyList<string> Symbols { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("generator")] public JsonElement? Generator { get; init; }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static SessionManifest Load(string path)
    {
        var manifest = JsonSerializer.Deserialize<SessionManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: empty manifest");
        if (manifest.Format != FormatName)
            throw new InvalidDataException($"{path}: format is '{manifest.Format}', expected '{FormatName}'");
        if (manifest.Version != CurrentVersion)
            throw new InvalidDataException($"{path}: version {manifest.Version} is not supported (this build reads version {CurrentVersion})");
        if (manifest.TimeZone != ServiceDefaults.MarketTime.MarketTimeZone.Id)
            throw new InvalidDataException($"{path}: timezone '{manifest.TimeZone}' is not supported (only {ServiceDefaults.MarketTime.MarketTimeZone.Id})");
        return manifest;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}
