using Tradewire.Contracts.Signals;
using Tradewire.Dispatcher.Domain;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// The dispatcher's decisions without its database or bus: recommendations are stored once per signal key; each
/// minute's run, at its market time T (the tick's evaluated_at), expires what <see cref="ClaimWindow"/> expires,
/// takes up to max_signals_per_run pending recommendations stamped at or before T, oldest first, and decides each
/// with the dispatcher's own <see cref="MarketSnapshot"/>, <see cref="RiskGates"/> and <see cref="BracketPricer"/>
/// on its default configuration, counting executions per ticker and trading date.
/// </summary>
public sealed class DispatcherDomainRuns
{
    readonly DispatcherConfig config = DispatcherConfig.Defaults;
    readonly List<DispatchCandidate> pending = [];
    readonly HashSet<string> stored = new(StringComparer.Ordinal);
    readonly Dictionary<(string Ticker, DateOnly Date), int> executions = [];

    public List<Recommendation> Executed { get; } = [];
    public int Skipped { get; private set; }

    /// <summary>
    /// Why recommendations were skipped: an expiry reason, <c>unpriced</c>, or each failed gate's key (a
    /// recommendation failing two gates counts under both).
    /// </summary>
    public SortedDictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public void Run(SignalsEvaluated tick)
    {
        var marketTime = tick.EvaluatedAt;
        foreach (var r in tick.Recommendations.Where(r => stored.Add(r.SignalKey)))
            pending.Add(new DispatchCandidate(stored.Count, r));
        foreach (var expired in pending.Select(p => ClaimWindow.ExpiryReason(p.Recommendation.Ts, marketTime, config)).OfType<string>().ToList())
            Refuse(expired);
        pending.RemoveAll(p => ClaimWindow.ExpiryReason(p.Recommendation.Ts, marketTime, config) is not null);
        var claimed = pending.Where(p => p.Recommendation.Ts <= marketTime).OrderBy(p => p.Recommendation.Ts).ThenBy(p => p.Id)
            .Take(config.MaxSignalsPerRun).ToList();
        var tradingDate = MarketTimeZone.TradingDate(marketTime);
        foreach (var candidate in claimed)
        {
            pending.RemoveAll(p => p.Id == candidate.Id);
            var snapshot = MarketSnapshot.For(candidate, tick.LatestBars.FirstOrDefault(b => b.Ticker == candidate.Recommendation.Ticker));
            var today = executions.GetValueOrDefault((candidate.Recommendation.Ticker, tradingDate));
            var gates = RiskGates.Evaluate(candidate, snapshot, marketTime, today, config);
            if (!gates.Passed)
            {
                Refuse([.. gates.FailedKeys]);
                continue;
            }
            if (!BracketPricer.Price(candidate.Recommendation.Action, snapshot.Close, candidate.Recommendation.RecentVol, config).Priced)
            {
                Refuse("unpriced");
                continue;
            }
            executions[(candidate.Recommendation.Ticker, tradingDate)] = today + 1;
            Executed.Add(candidate.Recommendation);
        }
    }

    void Refuse(params string[] reasons)
    {
        Skipped++;
        foreach (var reason in reasons)
            Refusals[reason] = Refusals.GetValueOrDefault(reason) + 1;
    }

    public int Processed => Executed.Count + Skipped;
    public decimal RejectionShare => Processed == 0 ? 0m : (decimal)Skipped / Processed;

}
