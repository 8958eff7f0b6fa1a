namespace Tradewire.Cli.Outcomes;

/// <summary>
/// What one decision is labelled from. <see cref="DecisionMinute"/> is the start of the bar that had closed when
/// the dispatcher decided (its market time minus one minute). <see cref="Entry"/>, <see cref="Stop"/> and
/// <see cref="Target"/> are null when no bracket could be priced. <see cref="WindowEnd"/> is the last bar minute
/// the position could have lived to (the maximum hold or the session's last bar, whichever is first);
/// <see cref="SessionLastMinute"/> is the start of the session's last bar. <see cref="Bars"/> are the symbol's bars
/// of the session, in any order.
/// </summary>
public sealed record OutcomeInput(
    string Side,
    DateTimeOffset DecisionMinute,
    decimal? Entry,
    decimal? Stop,
    decimal? Target,
    DateTimeOffset WindowEnd,
    DateTimeOffset SessionLastMinute,
    IReadOnlyList<OutcomeBar> Bars);
