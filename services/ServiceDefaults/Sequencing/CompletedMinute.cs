using System.Text.Json;

namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>A market minute whose every input stream has arrived: the inputs, by stream name.</summary>
public sealed record CompletedMinute(DateOnly SessionDate, DateTimeOffset Minute, bool IsLastOfSession,
    IReadOnlyDictionary<string, JsonElement> Inputs)
{
    /// <summary>The input of <paramref name="stream"/>, deserialized.</summary>
    public T Get<T>(string stream) =>
        Inputs.TryGetValue(stream, out var json)
            ? json.Deserialize<T>(MinuteSequencerJson.Options) ?? throw new InvalidOperationException($"Input {stream} of {Minute:O} is null.")
            : throw new KeyNotFoundException($"Minute {Minute:O} has no input on stream '{stream}'.");
}

static class MinuteSequencerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
