using System.Globalization;

namespace Tradewire.Cli.BurnIn;

/// <summary>
/// The burn-in plan's daily requirements for one trading date: each criterion with its threshold and the
/// observed value. The day is GO only if every criterion passes.
/// </summary>
public static class DailyCriteria
{
    public const long MinSignals = 50;
    public const long MinDecisions = 3;
    public const long MinOcoLifecycles = 1;

    /// <summary>Criteria about data integrity: a Day-0 half session is judged on these (and the kill switch).</summary>
    public static readonly IReadOnlySet<string> Integrity = new HashSet<string>(StringComparer.Ordinal)
    {
        "complete audit trail signal -> decision -> orders -> trades", "every order has config_sha",
        "no orphan OCO sibling", "no duplicate client_order_id",
    };

    public static IReadOnlyList<SessionCheck> Evaluate(DayFacts f, BurnInLimits l)
    {
        static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        var heatCap = l.MaxPortfolioHeatFraction * 100;
        var lossStop = -l.MaxDailyLossFraction * l.StartingEquity;
        var chain = f.ChainBreaks.Count == 0 ? "0 breaks" : $"{f.ChainBreaks.Count} breaks, first: {f.ChainBreaks[0]}";
        return
        [
            new("signals generated", $">= {MinSignals}", N(f.Signals), f.Signals >= MinSignals),
            new("decisions planned", $">= {MinDecisions}", N(f.Decisions), f.Decisions >= MinDecisions),
            new("complete OCO lifecycles (closed by stop or target)", $">= {MinOcoLifecycles}", N(f.CompleteOcoLifecycles), f.CompleteOcoLifecycles >= MinOcoLifecycles),
            new("portfolio heat never above the configured cap", $"<= {heatCap:0.###} %",
                $"max {f.MaxHeatPct:0.###} %" + (f.MaxHeatAt is { } at ? $" at {at:HH:mm} UTC" : ""), f.MaxHeatPct <= heatCap),
            new("daily loss stop respected (no entry after the day's halt)", $"0 entries after a loss of {lossStop:0.##} $",
                $"{N(f.EntriesAfterDailyLossStop)} entries after; day's realized P&L {f.RealizedPnl:0.##} $", f.EntriesAfterDailyLossStop == 0),
            new("per-trade risk within the configured limit", $"<= {BurnInLimits.Pct(l.MaxRiskPerTradeFraction)} of {l.PaperEquity:0} $",
                $"max {f.MaxTradeRiskPct:0.####} %" + (f.MaxTradeRiskTicker is null ? "" : $" ({f.MaxTradeRiskTicker})"), f.MaxTradeRiskPct <= l.MaxRiskPerTradeFraction * 100),
            new("stops tightened at the tighten time", $"at {f.TightenAt:HH:mm} UTC (close - {l.TightenMinutesBeforeClose} min), never at another time",
                $"{N(f.OpenAtTighten)} open then, {N(f.TightenedAtTighten)} tightened then, {N(f.TightenedAtOtherTimes)} at other times",
                f.TightenedAtOtherTimes == 0 && (f.OpenAtTighten == 0 || f.TightenedAtTighten > 0)),
            new("flat at the hard-flat time", $"0 positions open after {f.FlatAt:HH:mm} UTC (close - {l.FlattenMinutesBeforeClose} min)",
                N(f.PositionsOpenAfterFlat), f.PositionsOpenAfterFlat == 0),
            new("zero open orders after the hard-flat time", "0", N(f.OrdersOpenAfterFlat), f.OrdersOpenAfterFlat == 0),
            new("complete audit trail signal -> decision -> orders -> trades", "0 breaks", chain, f.ChainBreaks.Count == 0),
            new("every order has config_sha", "0 without", N(f.OrdersWithoutConfigSha), f.OrdersWithoutConfigSha == 0),
            new("no orphan OCO sibling", "0", N(f.OrphanOcoSiblings), f.OrphanOcoSiblings == 0),
            new("no duplicate client_order_id", "0", N(f.DuplicateClientOrderIds), f.DuplicateClientOrderIds == 0),
            new("risk events logged", ">= 1 event, every risk rejection has one",
                $"{N(f.RiskEvents)} events, {N(f.RejectionsWithoutRiskEvent)} risk rejections without", f.RiskEvents > 0 && f.RejectionsWithoutRiskEvent == 0),
        ];
    }
}
