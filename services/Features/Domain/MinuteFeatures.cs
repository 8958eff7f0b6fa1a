using Tradewire.Contracts.Features;
using Tradewire.Contracts.Market;

namespace Tradewire.Features.Domain;

/// <summary>
/// One market minute's step: applies each bar to its symbol's state (a new state for a symbol seen for the first
/// time) and collects the features and the states that changed. Bars not newer than their state's last minute are
/// skipped, so a minute applied twice changes nothing the second time. Features are ordered by symbol (ordinal).
/// </summary>
public sealed record MinuteFeatures(IReadOnlyList<SymbolFeatures> Features, IReadOnlyList<IndicatorState> ChangedStates)
{
    /// <param name="states">The symbols' current states; updated in place, and new symbols are added.</param>
    public static MinuteFeatures Apply(IEnumerable<Bar> bars, IDictionary<string, IndicatorState> states)
    {
        var features = new List<SymbolFeatures>();
        var changed = new List<IndicatorState>();
        foreach (var bar in bars.OrderBy(b => b.Symbol, StringComparer.Ordinal))
        {
            if (!states.TryGetValue(bar.Symbol, out var state))
                states[bar.Symbol] = state = new IndicatorState(bar.Symbol);
            if (!state.TryApply(bar, out var snapshot))
                continue;
            features.Add(snapshot);
            changed.Add(state);
        }
        return new MinuteFeatures(features, changed);
    }
}
