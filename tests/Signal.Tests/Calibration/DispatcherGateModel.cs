using Tradewire.Contracts.Signals;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// A simple model of the dispatcher's gates (seed 002): each minute's run takes up to
/// <see cref="MaxPerRun"/> pending recommendations oldest first, then: confidence at least
/// <see cref="ConfidenceMin"/>, action not SELL_PREMIUM, bar no older than 120 s at the run, and fewer than
/// <see cref="MaxPerTickerPerDay"/> executions of the ticker today. Pass: executed; otherwise skipped.
/// </summary>
public sealed class DispatcherGateModel
{
    public decimal ConfidenceMin { get; init; } = 0.70m;
    public int MaxPerTickerPerDay { get; init; } = 2;
    public int MaxPerRun { get; init; } = 10;
    public TimeSpan MaxBarAge { get; init; } = TimeSpan.FromSeconds(120);

    readonly Queue<Recommendation> pending = new();
    readonly Dictionary<string, int> perTicker = new(StringComparer.Ordinal);

    public List<Recommendation> Executed { get; } = [];
    public int Skipped { get; private set; }

    public void Run(SignalsEvaluated tick)
    {
        foreach (var r in tick.Recommendations) pending.Enqueue(r);
        for (var i = 0; i < MaxPerRun && pending.Count > 0; i++)
        {
            var r = pending.Dequeue();
            var pass = r.Confidence >= ConfidenceMin
                && r.Action != "SELL_PREMIUM"
                && tick.EvaluatedAt - r.BarTs <= MaxBarAge
                && perTicker.GetValueOrDefault(r.Ticker) < MaxPerTickerPerDay;
            if (!pass) { Skipped++; continue; }
            perTicker[r.Ticker] = perTicker.GetValueOrDefault(r.Ticker) + 1;
            Executed.Add(r);
        }
    }

    public int Processed => Executed.Count + Skipped;
    public decimal RejectionShare => Processed == 0 ? 0m : (decimal)Skipped / Processed;
}
