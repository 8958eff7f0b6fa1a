namespace Tradewire.BrokerGateway.Risk;

/// <summary>
/// The per-position stop loss (<see cref="RiskLimits.StopLossFraction"/>): a position whose open loss at the last mark
/// reaches that fraction of its entry price is closed at market, whatever its bracket's own stop says (a stop leg
/// the venue lost, a gap through it, a stop set wider than the limit).
/// </summary>
public static class PositionStop
{
    public const string Code = "STOP_LOSS_EXCEEDED";

    /// <summary>
    /// Fraction lost per share from <paramref name="avgEntry"/> to <paramref name="mark"/> for a long
    /// (<paramref name="isLong"/>) or short position; negative when in profit.
    /// </summary>
    public static decimal LossFraction(bool isLong, decimal avgEntry, decimal mark) =>
        avgEntry > 0 ? (isLong ? avgEntry - mark : mark - avgEntry) / avgEntry : 0;

    public static bool Breached(bool isLong, decimal avgEntry, decimal mark, RiskLimits limits) =>
        mark > 0 && LossFraction(isLong, avgEntry, mark) >= limits.StopLossFraction;
}
