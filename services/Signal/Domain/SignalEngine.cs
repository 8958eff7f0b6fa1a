using Tradewire.ServiceDefaults.MarketData;
using Tradewire.ServiceDefaults.MarketTime;
using System.Text.Json;
using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts.Watchlist;
using Tradewire.Signal.Domain.Rules;

namespace Tradewire.Signal.Domain;

/// <summary>
/// The signal engine's per-minute logic, pure: feed it each session minute in order with that minute's features,
/// news and watchlist. Rules run only on watchlisted symbols whose features are ready and were computed on this
/// minute's bar (so the dispatcher's freshness gates see a bar closed at the evaluation time). Symbols are taken
/// in ordinal order and rules in a fixed order (breakout, breakdown, news, premium); a (ticker, rule) that fired
/// at minute M is silent until M + cooldown or the end of M's trading date, whichever comes first. Recommendations are stamped with the minute's close.
/// </summary>
public sealed class SignalEngine
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly SignalOptions options;
    readonly IReadOnlyList<ISignalRule> rules;
    readonly SortedDictionary<string, SymbolFeatures> features = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, DateTimeOffset> lastFired = new(StringComparer.Ordinal);
    readonly SentimentBook sentiment;
    DateTimeOffset? lastMinute;

    public SignalEngine(SignalOptions options, SignalState? state = null)
    {
        this.options = options;
        rules = [new MomentumBreakoutRule(+1, options), new MomentumBreakoutRule(-1, options), new NewsMomentumRule(options), new RangePremiumRule(options)];
        state ??= new SignalState();
        foreach (var (k, v) in state.Features) features[k] = v;
        foreach (var (k, v) in state.LastFired) lastFired[k] = v;
        sentiment = new SentimentBook(options.SentimentHalfLifeMinutes, state.Sentiment);
        lastMinute = state.LastMinute;
    }

    public SignalState State => new()
    {
        LastMinute = lastMinute,
        Features = new SortedDictionary<string, SymbolFeatures>(features, StringComparer.Ordinal),
        Sentiment = sentiment.Snapshot(),
        LastFired = new SortedDictionary<string, DateTimeOffset>(lastFired, StringComparer.Ordinal),
    };

    /// <summary>The deterministic key of a recommendation: <c>TICKER|yyyy-MM-ddTHH:mmZ|rule</c> (minute = start of the evaluated minute, UTC).</summary>
    public static string SignalKey(string ticker, DateTimeOffset minute, string rule) =>
        $"{ticker}|{minute.UtcDateTime:yyyy-MM-ddTHH:mm}Z|{rule}";

    /// <exception cref="InvalidOperationException">The minute is not after the last one handled.</exception>
    public SignalStep Step(DateTimeOffset minute, FeaturesComputed computed, NewsClassified news, WatchlistUpdated watchlist)
    {
        if (lastMinute is { } last && minute <= last)
            throw new InvalidOperationException($"Minute {minute:O} is not after the last handled minute {last:O}.");
        foreach (var f in computed.Symbols)
            features[f.Symbol] = f;
        sentiment.Step(news.Items, lastMinute is { } previous ? (long)(minute - previous).TotalMinutes : 1);
        lastMinute = minute;

        var evaluatedAt = minute.AddMinutes(1);
        var recommendations = new List<Recommendation>();
        foreach (var symbol in watchlist.Entries.Select(e => e.Symbol).Distinct().Order(StringComparer.Ordinal))
        {
            if (!features.TryGetValue(symbol, out var f) || !f.Ready || f.BarTs != evaluatedAt || f.RecentVol is not { } recentVol)
                continue;
            foreach (var rule in rules)
            {
                var cooldownKey = $"{symbol}|{rule.Name}";
                if (lastFired.TryGetValue(cooldownKey, out var fired) && InCooldown(fired, minute))
                    continue;
                if (rule.Evaluate(f, sentiment.Of(symbol)) is not { } hit)
                    continue;
                lastFired[cooldownKey] = minute;
                recommendations.Add(new Recommendation
                {
                    SignalKey = SignalKey(symbol, minute, hit.Rule),
                    Ts = evaluatedAt,
                    Ticker = symbol,
                    Action = hit.Action,
                    InstrumentType = hit.InstrumentType,
                    Confidence = hit.Confidence,
                    ReasonsJson = JsonSerializer.Serialize(new { rule = hit.Rule, confidence = hit.Confidence, inputs = hit.Inputs }, Json),
                    Close = f.Close,
                    BarTs = f.BarTs,
                    FeatureTs = f.BarTs,
                    RecentVol = recentVol,
                    Atr14 = f.Atr14,
                });
            }
        }
        var latest = features.Values.Select(f => new LatestBar
        {
            Ticker = f.Symbol, Close = f.Close, BarTs = f.BarTs, FeatureTs = f.BarTs, RecentVol = f.RecentVol,
        }).ToList();
        return new SignalStep(minute, evaluatedAt, recommendations, latest);
    }

    /// <summary>A cooldown lasts <see cref="SignalOptions.CooldownMinutes"/> but never past its New York trading date.</summary>
    bool InCooldown(DateTimeOffset fired, DateTimeOffset minute) =>
        minute < fired.AddMinutes(options.CooldownMinutes) && MarketTimeZone.TradingDate(fired) == MarketTimeZone.TradingDate(minute);
}
