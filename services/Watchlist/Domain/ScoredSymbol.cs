namespace Tradewire.Watchlist.Domain;

/// <summary>A symbol's score and its per-component attribution; invariant: <c>Score == Attribution.Values.Sum()</c>.</summary>
public sealed record ScoredSymbol(string Symbol, decimal Score, IReadOnlyDictionary<string, decimal> Attribution);
