namespace Tradewire.Dispatcher.Domain.Outcomes;

/// <summary>
/// One row of the <c>outcomes</c> table (what the market did after one decided recommendation), with the signal
/// rule that produced the recommendation. Forward returns are raw price returns (not signed by the side), keyed by
/// horizon in minutes (1, 5, 15, 60); a null value has its reason in <see cref="NullReasonsJson"/>. Prices in
/// dollars, <see cref="MaeR"/>/<see cref="MfeR"/> in R (multiples of the stop distance).
/// </summary>
public sealed record OutcomeRecord(
    long RecommendationId,
    string Kind,
    Guid? ExecutionId,
    string Ticker,
    string Action,
    string Side,
    string? Rule,
    DateTimeOffset DecisionMinute,
    string? SkipReason,
    decimal? BaseClose,
    IReadOnlyDictionary<int, decimal?> ForwardReturns,
    string LevelsSource,
    decimal? EntryPrice,
    decimal? StopPrice,
    decimal? TargetPrice,
    string? FirstHit,
    DateTimeOffset? FirstHitMinute,
    bool SameBarAmbiguous,
    decimal? Mae,
    decimal? Mfe,
    decimal? MaeR,
    decimal? MfeR,
    string? Regime,
    string NullReasonsJson)
{
    /// <summary>The horizons the annotator labels, in minutes.</summary>
    public static readonly IReadOnlyList<int> Horizons = [1, 5, 15, 60];

    /// <summary>The forward return at <paramref name="minutes"/> in the trade's direction: a short gains when the price falls.</summary>
    public decimal? DirectedReturn(int minutes) =>
        ForwardReturns.GetValueOrDefault(minutes) is { } r ? (Side == "SELL" ? -r : r) : null;
}
