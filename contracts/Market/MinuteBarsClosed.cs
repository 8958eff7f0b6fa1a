namespace Tradewire.Contracts.Market;

/// <summary>
/// Event: the bars of one market minute are final. Ingest publishes exactly one per session minute, in
/// market-time order, even when no symbol traded (empty <see cref="Bars"/>), so a consumer always knows a
/// minute is complete. This is the market clock's "minute closed" tick: downstream market logic advances its
/// time from it, never from the wall clock.
/// </summary>
public sealed record MinuteBarsClosed
{
    /// <summary>Exchange-local trading date of the session the minute belongs to.</summary>
    public required DateOnly SessionDate { get; init; }

    /// <summary>Start of the minute, UTC, whole minute. The minute is final at <c>Minute + 1 min</c>.</summary>
    public required DateTimeOffset Minute { get; init; }

    /// <summary>Validated bars of this minute, at most one per symbol, ordered by symbol (ordinal).</summary>
    public required IReadOnlyList<Bar> Bars { get; init; }

    /// <summary>True for the session's last minute (the one ending at the close).</summary>
    public required bool IsLastOfSession { get; init; }
}
