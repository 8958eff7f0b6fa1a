using System.Text.Json;

namespace Tradewire.Dispatcher.Domain;

/// <summary>All five gates' verdicts for one recommendation, in <see cref="GateKeys.All"/> order.</summary>
public sealed record GateEvaluation(IReadOnlyList<GateResult> Gates)
{
    public bool Passed => Gates.All(g => g.Passed);

    public IEnumerable<string> FailedKeys => Gates.Where(g => !g.Passed).Select(g => g.Key);

    /// <summary>Stable skip reason: <c>gate_failed:</c> followed by the failed gate keys.</summary>
    public string SkipReason => "gate_failed:" + string.Join(",", FailedKeys);

    public GateResult this[string key] => Gates.Single(g => g.Key == key);

    /// <summary>The <c>risk_gate_json</c> object: one property per gate key.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        Gates.ToDictionary(g => g.Key, g => new Dictionary<string, object> { ["passed"] = g.Passed, ["observed"] = g.Observed, ["threshold"] = g.Threshold }));
}
