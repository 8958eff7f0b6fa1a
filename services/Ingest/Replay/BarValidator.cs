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
        if (BarRules.Symbol(row.Symbol, universe) is { } unknown)
            return OnLine(row, unknown);
        if (!TimeOnly.TryParseExact(row.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return BarVerdict.Reject(BarRejection.BadTime, $"line {row.Line}: time '{row.Time}' is not HH:mm");

        var minute = MarketTimeZone.FromMarketLocal(session.Date, time);
        var label = $"{row.Symbol} {time:HH:mm}";
        if (BarRules.InSession(label, minute, session) is { } outside)
            return OnLine(row, outside);

        if (!TryPrice(row.Open, out var open) | !TryPrice(row.High, out var high) | !TryPrice(row.Low, out var low) | !TryPrice(row.Close, out var close))
            return BarVerdict.Reject(BarRejection.NotANumber, $"line {row.Line}: {label} has a price that is not a number ({row.Open},{row.High},{row.Low},{row.Close})");
        if (BarRules.Prices(label, open, high, low, close) is { } badPrice)
            return OnLine(row, badPrice);
        if (!long.TryParse(row.Volume, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var volume))
            return BarVerdict.Reject(BarRejection.NotANumber, $"line {row.Line}: {label} volume '{row.Volume}' is not a whole number");
        if (BarRules.Volume(label, volume) is { } badVolume)
            return OnLine(row, badVolume);

        if (_lastMinute.TryGetValue(row.Symbol, out var last))
        {
            if (minute == last)
                return BarVerdict.Reject(BarRejection.DuplicateBar, $"line {row.Line}: second {row.Symbol} bar for {time:HH:mm}");
            if (minute < last)
                return BarVerdict.Reject(BarRejection.OutOfOrderBar,
                    $"line {row.Line}: {label} comes after {MarketTimeZone.ToMarketLocal(last):HH:mm} in the file");
        }
        _lastMinute[row.Symbol] = minute;
        return BarVerdict.Accept(new Bar { Symbol = row.Symbol, Minute = minute, Open = open, High = high, Low = low, Close = close, Volume = volume });
    }

    static BarVerdict OnLine(RawBarRow row, BarVerdict refusal) => refusal with { Detail = $"line {row.Line}: {refusal.Detail}" };

    // decimal.TryParse refuses "NaN" and "Infinity", which is the point: they are not prices.
    static bool TryPrice(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
