using Tradewire.Contracts.Features;
using Tradewire.Contracts.News;
using Tradewire.Features.Domain;
using Tradewire.ServiceDefaults.MarketTime;
using Tradewire.Tests.Shared;

namespace Tradewire.Signal.Tests.Calibration;

/// <summary>
/// The real SPY minute bars of January and March 2011 (shared/data/bars/spy_2011_ninjatrader), one regular
/// session per New York date, turned into what the features service publishes each minute: the features service's
/// own <see cref="MinuteFeatures"/> on a fresh state per day (as a one-day replay into empty databases does, so the
/// first 49 minutes are warm-up), and no news (the files carry none).
/// </summary>
public static class RealSpyDays
{
    public const string Symbol = "SPY";

    static readonly Lazy<SortedDictionary<DateOnly, List<Tradewire.Contracts.Market.Bar>>> Bars = new(() =>
    {
        var all = new SortedDictionary<DateOnly, List<Tradewire.Contracts.Market.Bar>>();
        foreach (var file in new[] { "nt-spy-minute-2011.csv", "nt-spy-minute-2011-03.csv" })
            foreach (var (date, bars) in NinjaTraderBars.RegularSessions(SharedDirectory.File("data", "bars", "spy_2011_ninjatrader", file), Symbol))
                if (date.Month is 1 or 3)
                    all[date] = bars;
        return all;
    });

    /// <summary>The dates with regular-session bars.</summary>
    public static IReadOnlyList<DateOnly> Dates => [.. Bars.Value.Keys];

    public static int BarCount(DateOnly date) => Bars.Value[date].Count;

    /// <summary>The day as a session of minutes; the session (open, close) is the product calendar's.</summary>
    public static SyntheticSession Day(DateOnly date)
    {
        var session = new NyseCalendar().GetSession(date) ?? throw new ArgumentException($"{date} is not a trading day.");
        var states = new Dictionary<string, IndicatorState>(StringComparer.Ordinal);
        var minutes = new List<SyntheticMinute>();
        foreach (var bar in Bars.Value[date])
        {
            var step = MinuteFeatures.Apply([bar], states);
            minutes.Add(new SyntheticMinute(bar.Minute,
                new FeaturesComputed { SessionDate = date, Minute = bar.Minute, Symbols = step.Features },
                new NewsClassified { SessionDate = date, Minute = bar.Minute, Items = [] }));
        }
        return new SyntheticSession(session, minutes);
    }
}
