namespace Tradewire.Cli.Outcomes;

/// <summary>
/// Labels one decision from the bars that followed it; pure, so every rule is unit-tested.
/// <list type="bullet">
/// <item>Forward return at h minutes = close of the bar at decision minute + h over the close of the decision's bar,
/// minus 1 (a raw price return, not signed by the side). A missing bar is never replaced by a neighbour: the
/// value is null with <c>NO_DECISION_BAR</c>, <c>AFTER_CLOSE</c> (the horizon is past the session's last bar)
/// or <c>BAR_MISSING</c>.</item>
/// <item>Stop or target first: the bars after the decision's bar, up to the window end, in order; a long's stop is
/// hit when a bar's low reaches it, its target when a bar's high does (mirrored for a short). A 1-minute bar does
/// not say which came first when it reaches both, so that bar counts as <c>STOP</c> (the cautious reading) and
/// <see cref="OutcomeLabel.SameBarAmbiguous"/> is set. Neither by the window end is <c>NEITHER</c>.</item>
/// <item>MAE/MFE: the worst and best price excursion from the entry (the decision's close when no bracket was
/// priced) over those bars, up to and including the bar that hit first; never below zero, in dollars per share
/// and in R (over the stop distance).</item>
/// </list>
/// </summary>
public static class OutcomeLabeller
{
    public static readonly IReadOnlyList<int> Horizons = [1, 5, 15, 60];

    public static OutcomeLabel Label(OutcomeInput input)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var byMinute = input.Bars.ToDictionary(b => b.Minute);
        var baseClose = byMinute.TryGetValue(input.DecisionMinute, out var decisionBar) ? decisionBar.Close : (decimal?)null;

        var returns = new Dictionary<int, decimal?>();
        foreach (var h in Horizons)
        {
            var at = input.DecisionMinute.AddMinutes(h);
            string? why = baseClose is null ? "NO_DECISION_BAR"
                : at > input.SessionLastMinute ? "AFTER_CLOSE"
                : !byMinute.ContainsKey(at) ? "BAR_MISSING"
                : null;
            returns[h] = why is null ? Math.Round(byMinute[at].Close / baseClose!.Value - 1, 8) : null;
            if (why is not null)
                reasons[$"fwd_ret_{h}m"] = why;
        }

        var path = input.Bars.Where(b => b.Minute > input.DecisionMinute && b.Minute <= input.WindowEnd).OrderBy(b => b.Minute).ToList();
        var isShort = input.Side == "SELL";
        string? firstHit = null;
        DateTimeOffset? hitAt = null;
        var ambiguous = false;
        var lived = path;
        if (input.Stop is not { } stop || input.Target is not { } target)
            reasons["first_hit"] = "NO_LEVELS";
        else if (path.Count == 0)
            reasons["first_hit"] = "NO_BARS_AFTER_DECISION";
        else
        {
            firstHit = "NEITHER";
            foreach (var bar in path)
            {
                var stopHit = isShort ? bar.High >= stop : bar.Low <= stop;
                var targetHit = isShort ? bar.Low <= target : bar.High >= target;
                if (!stopHit && !targetHit)
                    continue;
                firstHit = stopHit ? "STOP" : "TARGET";
                ambiguous = stopHit && targetHit;
                hitAt = bar.Minute;
                break;
            }
            if (hitAt is { } end)
                lived = path.Where(b => b.Minute <= end).ToList();
        }

        decimal? mae = null, mfe = null, maeR = null, mfeR = null;
        var reference = input.Entry ?? baseClose;
        if (reference is not { } entry)
            reasons["mae"] = reasons["mfe"] = "NO_DECISION_BAR";
        else if (lived.Count == 0)
            reasons["mae"] = reasons["mfe"] = "NO_BARS_AFTER_DECISION";
        else
        {
            var high = lived.Max(b => b.High);
            var low = lived.Min(b => b.Low);
            mae = Math.Max(0, isShort ? high - entry : entry - low);
            mfe = Math.Max(0, isShort ? entry - low : high - entry);
            if (input.Entry is { } e && input.Stop is { } s && Math.Abs(e - s) > 0)
            {
                maeR = Math.Round(mae.Value / Math.Abs(e - s), 4);
                mfeR = Math.Round(mfe.Value / Math.Abs(e - s), 4);
            }
            else
                reasons["mae_r"] = reasons["mfe_r"] = "NO_LEVELS";
        }
        return new OutcomeLabel(baseClose, returns, firstHit, hitAt, ambiguous, mae, mfe, maeR, mfeR, reasons);
    }
}
