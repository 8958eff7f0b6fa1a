namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// <see cref="IMarketClock"/> over an injected <see cref="TimeProvider"/> and <see cref="IMarketCalendar"/>.
/// Holds no state of its own, so it is thread-safe whenever the time provider is; register as a singleton.
/// Calendar members throw <see cref="MarketCalendarException"/> once the time provider leaves the covered years.
/// </summary>
public sealed class MarketClock(TimeProvider time, IMarketCalendar calendar) : IMarketClock
{
    readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public IMarketCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <inheritdoc />
    public DateTimeOffset UtcNow => _time.GetUtcNow().ToUniversalTime();

    /// <inheritdoc />
    public DateTimeOffset MarketNow => MarketTimeZone.ToMarketLocal(UtcNow);

    /// <inheritdoc />
    public DateOnly TradingDate => MarketTimeZone.TradingDate(UtcNow);

    /// <inheritdoc />
    public TradingSession? CurrentSession => Calendar.GetSession(TradingDate);

    /// <inheritdoc />
    public bool IsMarketOpen => Calendar.IsOpen(UtcNow);

    /// <inheritdoc />
    public DateTimeOffset MinuteStart(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - utcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}
