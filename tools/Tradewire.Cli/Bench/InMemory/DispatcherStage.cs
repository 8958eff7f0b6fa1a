using MassTransit;
using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;
using Tradewire.Dispatcher.Domain;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Cli.Bench.InMemory;

/// <summary>
/// dispatcher: production's input consumer (<c>SignalsEvaluatedConsumer</c>: store the minute's recommendations
/// PENDING once per signal key, record the tick) and its run (<c>TickRunner</c> + <c>RecommendationDecider</c>) for that
/// tick, on in-memory lists instead of SQL. The run claims up to <c>max_signals_per_run</c> pending recommendations
/// with <c>ts &lt;= T</c>, oldest first (ts, then arrival id; the rest wait for later runs), and decides each with the
/// service's domain: <see cref="MarketSnapshot.For"/> (the tick's latest bar of the ticker), <see cref="RiskGates"/>
/// (executions of the ticker on T's New York trading date counted in memory), <see cref="BracketPricer"/>;
/// configuration <see cref="DispatcherConfig.Defaults"/> (an empty <c>dispatcher_config</c>). A passed and priced
/// recommendation is an execution: <see cref="PlaceBracketOrder"/> to the gateway's queue. Then
/// <see cref="DispatchRunCompleted"/> with the orders sent. No reaper: nothing is left PROCESSING without a crash.
/// </summary>
public sealed class DispatcherStage(PipelineRun run, Uri gatewayQueue) : MinuteStage(run), IConsumer<SignalsEvaluated>
{
    /// <summary>RecommendationDecider.ExecutionMode (internal to the service): the only mode the paper pipeline runs.</summary>
    const ExecutionMode Mode = ExecutionMode.Paper;
    const string Stream = "signals";

    readonly MinuteJoin _join = new(run.FirstMinute, Stream);
    readonly DispatcherConfig _config = DispatcherConfig.Defaults;
    readonly string _configSha = DispatcherConfig.Defaults.Sha();
    readonly HashSet<string> _signalKeys = new(StringComparer.Ordinal);
    readonly List<DispatchCandidate> _pending = [];
    readonly Dictionary<(string Ticker, DateOnly Date), int> _executions = [];
    long _nextId;

    public Task Consume(ConsumeContext<SignalsEvaluated> context) => Guarded(async () =>
    {
        _join.Add(Stream, context.Message.Minute, context.Message);
        while (_join.TryTake(out var minute))
            await RunTick(context, minute.Get<SignalsEvaluated>(Stream));
    });

    async Task RunTick(ConsumeContext context, SignalsEvaluated tick)
    {
        foreach (var r in tick.Recommendations)
            if (_signalKeys.Add(r.SignalKey))
            {
                _pending.Add(new DispatchCandidate(++_nextId, r));
                Run.Recommendations++;
            }

        var marketTime = tick.EvaluatedAt;
        _pending.RemoveAll(c => ClaimWindow.ExpiryReason(c.Recommendation.Ts, marketTime, _config) is not null); // SKIPPED expired:...
        var claimed = _pending.Where(c => c.Recommendation.Ts <= marketTime).OrderBy(c => c.Recommendation.Ts).ThenBy(c => c.Id).Take(_config.MaxSignalsPerRun).ToList();
        foreach (var c in claimed)
            _pending.Remove(c);

        var sent = 0;
        var tradingDate = MarketTimeZone.TradingDate(marketTime);
        foreach (var candidate in claimed)
        {
            var tickBar = tick.LatestBars.FirstOrDefault(b => string.Equals(b.Ticker, candidate.Recommendation.Ticker, StringComparison.Ordinal));
            var snapshot = MarketSnapshot.For(candidate, tickBar);
            var today = _executions.GetValueOrDefault((candidate.Recommendation.Ticker, tradingDate));
            var gates = RiskGates.Evaluate(candidate, snapshot, marketTime, today, _config);
            if (!gates.Passed)
                continue; // SKIPPED gate_failed:...
            var priced = BracketPricer.Price(candidate.Recommendation.Action, snapshot.Close, candidate.Recommendation.RecentVol, _config);
            if (!priced.Priced)
                continue; // SKIPPED qty_zero / stop_distance_too_small / ...
            var plan = priced.Plan!;
            _executions[(candidate.Recommendation.Ticker, tradingDate)] = today + 1;
            Run.Executions++;
            sent++;
            var endpoint = await context.GetSendEndpoint(gatewayQueue);
            await endpoint.Send(plan.Command(NewId.NextGuid(), candidate, _config.MaxHoldMinutes, marketTime, _configSha, Mode));
        }
        await context.Publish(new DispatchRunCompleted { SessionDate = tick.SessionDate, Minute = tick.Minute, RunId = NewId.NextGuid(), OrdersSent = sent });
    }
}
