namespace Tradewire.BrokerGateway.Engine;

/// <summary>End-of-day rules, section <c>EndOfDay</c>: offsets before the session's close (early closes included).</summary>
public sealed class EngineOptions
{
    /// <summary>At close minus this, stops are tightened (break-even when in profit, else half the distance to the price).</summary>
    public int TightenStopsMinutesBeforeClose { get; set; } = 10;

    /// <summary>At close minus this, every order is cancelled and every position closed at the bar's close; no entries after.</summary>
    public int FlattenMinutesBeforeClose { get; set; } = 5;
}
