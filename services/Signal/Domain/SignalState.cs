using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain;

/// <summary>
/// What the signal engine carries between minutes of a session: the latest features per symbol, the decayed
/// sentiment per ticker, and the minute each (ticker, rule) last fired (key <c>ticker|rule</c>). Persisted as
/// JSON after every minute so a restart continues identically.
/// </summary>
public sealed record SignalState
{
    public DateTimeOffset? LastMinute { get; init; }
    public IReadOnlyDictionary<string, SymbolFeatures> Features { get; init; } = new Dictionary<string, SymbolFeatures>();
    public IReadOnlyDictionary<string, decimal> Sentiment { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, DateTimeOffset> LastFired { get; init; } = new Dictionary<string, DateTimeOffset>();
}
