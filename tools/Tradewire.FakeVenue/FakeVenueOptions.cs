namespace Tradewire.FakeVenue;

/// <summary>How a <see cref="FakeVenue"/> listens and whom it lets in.</summary>
public sealed record FakeVenueOptions
{
    /// <summary>Kestrel URL; port 0 picks a free port (read the chosen one from <see cref="FakeVenue.BaseUrl"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The value every <c>/v2</c> request must send in <c>APCA-API-KEY-ID</c>.</summary>
    public required string KeyId { get; init; }

    /// <summary>The value every <c>/v2</c> request must send in <c>APCA-API-SECRET-KEY</c>.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The account's cash before any fill, in USD.</summary>
    public decimal StartingCash { get; init; } = 100_000m;

    /// <summary>
    /// A margin account that may sell short (trading/margin-and-shorting.md); false is a cash account, whose sells
    /// may not exceed the shares held and not held for open orders.
    /// </summary>
    public bool Shorting { get; init; }

    /// <summary>How long a cancel or replace stays pending after the venue's answer (trading/orders.md, "Order Lifecycle").</summary>
    public TimeSpan PendingDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Requests per minute per account before 429 (trading-api/_index.md, "Rate Limit": 200 every minute per API key).</summary>
    public int RateLimitPerMinute { get; init; } = 200;

    /// <summary>The quota's window: Alpaca's minute; a test may shorten it so that a reset comes within its patience.</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The wall clock of latencies (pending steps, the rate window); market times come from the bars, never from it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
