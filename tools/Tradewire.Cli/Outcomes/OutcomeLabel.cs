namespace Tradewire.Cli.Outcomes;

/// <summary>
/// The labels of one decision. Every null value has its reason in <see cref="NullReasons"/>, keyed by the column
/// name it stands for (for example <c>fwd_ret_60m</c>: <c>AFTER_CLOSE</c>).
/// </summary>
public sealed record OutcomeLabel(
    decimal? BaseClose,
    IReadOnlyDictionary<int, decimal?> ForwardReturns,
    string? FirstHit,
    DateTimeOffset? FirstHitMinute,
    bool SameBarAmbiguous,
    decimal? Mae,
    decimal? Mfe,
    decimal? MaeR,
    decimal? MfeR,
    IReadOnlyDictionary<string, string> NullReasons);
