namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// One risk gate's verdict, stored in <c>risk_gate_json</c> under <see cref="Key"/> as
/// <c>{"passed", "observed", "threshold"}</c>. <see cref="Observed"/> and <see cref="Threshold"/> are a number,
/// a string or a list of strings, in the gate's unit (seconds for ages, a count for the daily limit).
/// </summary>
public sealed record GateResult(string Key, bool Passed, object Observed, object Threshold);
