using Tradewire.Contracts.Signals;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>A rule that fired: what to do, how sure (in [0, 1]), and the inputs it decided on (for the reasons JSON).</summary>
public sealed record RuleHit(string Rule, TradeAction Action, InstrumentType InstrumentType, decimal Confidence,
    IReadOnlyDictionary<string, decimal> Inputs);
