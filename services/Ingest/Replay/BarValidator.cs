using System.Globalization;
using Tradewire.Contracts.Market;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Ingest.Replay;

/// <summary>
/// Validates a recorded session's bars in file order. A bar reaches downstream only if its symbol is in the
/// universe, its time is a minute of the session, its prices are numbers above zero with
/// <c>Low &lt;= Open, Close &lt;= High</c>, its volume is not negative, and it is neither a repeat of nor
/// earlier than a bar already accepted for its symbol. Not thread-safe: one instance per replay.
/// </summary>
public sealed class BarValidator(TradingSession session, IReadOnlySet<string> universe)
{
    readonly Dictionary<string, DateTimeOffset> _lastMinute = new(StringComparer.Ordinal);

    public BarVerdict Check(RawBarRow row)
    {
        if (row.Symbol.Length == 0)
            return BarVerdict.Reject(BarRejection.MalformedLine, $"line {row.Line}: expected 7 comma-separated fields");
        if (!universe.Contains(row.Symbol))
            return BarVerdict.Reject(BarRejection.UnknownSymbol, $"line {row.Line}: {row.Symbol} is not in the universe");
        if (!TimeOnly.TryParseExact(row.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return BarVerdict.Reject(BarRejection.BadTime, $"line {row.Line}: time '{row.Time}' is not HH:mm");

        var minute = MarketTimeZone.FromMarketLocal(session.Date, time);
        if (!session.Contains(minute))
            return BarVerdict.Reject(BarRejection.OutsideSession,
                $"line {row.Line}: {row.Symbol} {time:HH:mm} is outside the {session.Date:yyyy-MM-dd} session " +
                $"({MarketTimeZone.ToMarketLocal(session.OpenUtc):HH:mm}-{MarketTimeZone.ToMarketLocal(session.CloseUtc):HH:mm} New York)");

        if (!TryPrice(row.Open, out var open) | !TryPrice(row.High, out var high) | !TryPrice(row.Low, out var low) | !TryPrice(row.Close, out var close))
            return BarVerdict.Reject(BarRejection.NotANumber, $"line {row.Line}: {row.Symbol} {time:HH:mm} has a price that is not a number ({row.Open},{row.High},{row.Low},{row.Close})");
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0)
            return BarVerdict.Reject(BarRejection.NonPositivePrice, $"line {row.Line}: {row.Symbol} {time:HH:mm} has a price <= 0");
        if (high < low)
            return BarVerdict.Reject(BarRejection.HighBelowLow, $"line {row.Line}: {row.Symbol} {time:HH:mm} high {high} < low {low}");
        if (open > high || open < low || close > high || close < low)
            return BarVerdict.Reject(BarRejection.OhlcInconsistent, $"line {row.Line}: {row.Symbol} {time:HH:mm} open/close outside [low, high]");
        if (!long.TryParse(row.Volume, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var volume))
            return BarVerdict.Reject(BarRejection.NotANumber, $"line {row.Line}: {row.Symbol} {time:HH:mm} volume '{row.Volume}' is not a whole number");
        if (volume < 0)
            return BarVerdict.Reject(BarRejection.NegativeVolume, $"line {row.Line}: {row.Symbol} {time:HH:mm} volume {volume} < 0");

        if (_lastMinute.TryGetValue(row.Symbol, out var last))
        {
            if (minute == last)
                return BarVerdict.Reject(BarRejection.DuplicateBar, $"line {row.Line}: second {row.Symbol} bar for {time:HH:mm}");
            if (minute < last)
                return BarVerdict.Reject(BarRejection.OutOfOrderBar,
                    $"line {row.Line}: {row.Symbol} {time:HH:mm} comes after {MarketTimeZone.ToMarketLocal(last):HH:mm} in the file");
        }
        _lastMinute[row.Symbol] = minute;
        return BarVerdict.Accept(new Bar { Symbol = row.Symbol, Minute = minute, Open = open, High = high, Low = low, Close = close, Volume = volume });
    }

    // decimal.TryParse refuses "NaN" and "Infinity", which is the point: they are not prices.
    static bool TryPrice(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
