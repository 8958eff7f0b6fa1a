namespace Tradewire.Contracts.Features;

/// <summary>
/// Event: features of every symbol that had a bar in one market minute. Exactly one per session minute
/// (empty <see cref="Symbols"/> when nothing traded), in market-time order.
/// </summary>
public sealed record FeaturesComputed
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }

    /// <summary>Ordered by symbol (ordinal).</summary>
    public required IReadOnlyList<SymbolFeatures> Symbols { get; init; }
}
