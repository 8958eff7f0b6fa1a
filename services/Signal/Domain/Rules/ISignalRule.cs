using Tradewire.Contracts.Features;

namespace Tradewire.Signal.Domain.Rules;

/// <summary>A pure rule over one symbol's ready features and its decayed news sentiment; null when it does not fire.</summary>
public interface ISignalRule
{
    /// <summary>Stable name: part of the signal key and of the cooldown key.</summary>
    string Name { get; }

    RuleHit? Evaluate(SymbolFeatures features, decimal sentiment);
}
