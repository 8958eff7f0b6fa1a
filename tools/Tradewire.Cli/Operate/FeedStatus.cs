using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>Ingest's <c>GET /feed</c> answer: the feed's connection state and bar counts.</summary>
public sealed record FeedStatus(string Feed, string State, string? MarketNow, string? Session, int BarsLastMinute, int Reconnects, string? LastFault,
    string? IdleUntil = null)
{
    /// <summary>Reads the answer leniently: a missing field is shown as unknown, not an error.</summary>
    public static FeedStatus Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string? Text(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int Number(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        return new FeedStatus(Text("feed") ?? "unknown", Text("state") ?? "unknown", Text("marketNow"), Text("session"),
            Number("barsLastMinute"), Number("reconnects"), Text("lastFault"), Text("idleUntil"));
    }
}
