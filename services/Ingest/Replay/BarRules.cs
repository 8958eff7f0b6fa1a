using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// The checks a bar's values must pass wherever it comes from (a recorded file or a live feed), each returning
/// the refusal or null when the bar passes. <c>label</c> names the bar in the detail ("AAPL 09:31").
/// Callers apply them in this order: symbol, session, prices, volume.
/// </summary>
public static class BarRules
{
    public static BarVerdict? Symbol(string symbol, IReadOnlySet<string> universe) =>
        universe.Contains(symbol) ? null : BarVerdict.Reject(BarRejection.UnknownSymbol, $"{symbol} is not in the universe");

    public static BarVerdict? InSession(string label, DateTimeOffset minute, TradingSession session) =>
        session.Contains(minute) ? null : BarVerdict.Reject(BarRejection.OutsideSession,
            $"{label} is outside the {session.Date:yyyy-MM-dd} session " +
            $"({MarketTimeZone.ToMarketLocal(session.OpenUtc):HH:mm}-{MarketTimeZone.ToMarketLocal(session.CloseUtc):HH:mm} New York)");

    public static BarVerdict? Prices(string label, decimal open, decimal high, decimal low, decimal close)
    {
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0)
            return BarVerdict.Reject(BarRejection.NonPositivePrice, $"{label} has a price <= 0");
        if (high < low)
            return BarVerdict.Reject(BarRejection.HighBelowLow, $"{label} high {high} < low {low}");
        if (open > high || open < low || close > high || close < low)
            return BarVerdict.Reject(BarRejection.OhlcInconsistent, $"{label} open/close outside [low, high]");
        return null;
    }

    public static BarVerdict? Volume(string label, long volume) =>
        volume < 0 ? BarVerdict.Reject(BarRejection.NegativeVolume, $"{label} volume {volume} < 0") : null;
}
