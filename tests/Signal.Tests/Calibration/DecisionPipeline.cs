using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.Signal.Domain;
using Tradewire.Watchlist.Domain;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>Runs a generated session through the pure watchlist and signal engines and the dispatcher's own gates and pricing.</summary>
public static class DecisionPipeline
{
    public static CalibrationReport Run(SyntheticSession session, SignalOptions? signalOptions = null, WatchlistOptions? watchlistOptions = null)
    {
        var watchlist = new WatchlistEngine(watchlistOptions ?? new WatchlistOptions());
        var signal = new SignalEngine(signalOptions ?? new SignalOptions());
        var dispatcher = new DispatcherDomainRuns();
        var recommendations = new List<Recommendation>();
        foreach (var m in session.Minutes)
        {
            var w = watchlist.Step(session.Session.OpenUtc, m.Minute, m.Features, m.News);
            var updated = new WatchlistUpdated
            {
                SessionDate = session.Session.Date, Minute = m.Minute, Reranked = w.Reranked, RankedAt = w.RankedAt, Entries = w.Entries,
            };
            var s = signal.Step(m.Minute, m.Features, m.News, updated);
            recommendations.AddRange(s.Recommendations);
            dispatcher.Run(new SignalsEvaluated
            {
                SessionDate = session.Session.Date, Minute = m.Minute, EvaluatedAt = s.EvaluatedAt,
                Recommendations = s.Recommendations, LatestBars = s.LatestBars,
            });
        }
        return new CalibrationReport(recommendations, dispatcher.Executed, dispatcher.Skipped, dispatcher.RejectionShare, dispatcher.Refusals);
    }
}
