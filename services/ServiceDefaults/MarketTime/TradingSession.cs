namespace Tradewire.ServiceDefaults.MarketTime;

/// <summary>
/// One day's regular trading session on the exchange, as the half-open UTC interval
/// [<see cref="OpenUtc"/>, <see cref="CloseUtc"/>).
/// </summary>
/// <remarks>
/// Invariants (checked at construction): both instants have offset zero, <see cref="OpenUtc"/> is before
/// <see cref="CloseUtc"/>, both fall on whole minutes, and <see cref="Date"/> is the exchange-local date of the
/// open. Immutable and thread-safe.
/// </remarks>
public sealed record TradingSession
{
    /// <summary>Creates a session, validating the invariants above.</summary>
    /// <exception cref="ArgumentException">An invariant does not hold.</exception>
    public TradingSession(DateOnly date, DateTimeOffset openUtc, DateTimeOffset closeUtc, bool isEarlyClose)
    {
        if (openUtc.Offset != TimeSpan.Zero || closeUtc.Offset != TimeSpan.Zero)
            throw new ArgumentException($"Session instants must be UTC, got {openUtc:O} - {closeUtc:O}.");
        if (openUtc >= closeUtc)
            throw new ArgumentException($"Session open {openUtc:O} must be before close {closeUtc:O}.");
        if (openUtc.Ticks % TimeSpan.TicksPerMinute != 0 || closeUtc.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentException($"Session bounds must be whole minutes, got {openUtc:O} - {closeUtc:O}.");
        if (MarketTimeZone.TradingDate(openUtc) != date)
            throw new ArgumentException($"Session open {openUtc:O} is not on trading date {date:yyyy-MM-dd}.");
        Date = date;
        OpenUtc = openUtc;
        CloseUtc = closeUtc;
        IsEarlyClose = isEarlyClose;
    }

    /// <summary>The exchange-local trading date.</summary>
    public DateOnly Date { get; }

    /// <summary>First instant of the session (inclusive), UTC.</summary>
    public DateTimeOffset OpenUtc { get; }

    /// <summary>End of the session (exclusive): the market is closed at this instant. UTC.</summary>
    public DateTimeOffset CloseUtc { get; }

    /// <summary>True if the exchange closes before its regular time on this date (e.g. 13:00 ET).</summary>
    public bool IsEarlyClose { get; }

    /// <summary>Length of the session in whole minutes: 390 for a regular day, 210 for a 13:00 close.</summary>
    public int Minutes => (int)((CloseUtc - OpenUtc).Ticks / TimeSpan.TicksPerMinute);

    /// <summary>True if <paramref name="instant"/> lies in [<see cref="OpenUtc"/>, <see cref="CloseUtc"/>).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= OpenUtc && instant < CloseUtc;
}
