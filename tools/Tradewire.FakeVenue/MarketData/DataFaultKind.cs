namespace Tradewire.FakeVenue.MarketData;

/// <summary>What a <see cref="DataFault"/> does; the JSON names are the camelCase ones (<c>dropAt</c>).</summary>
public enum DataFaultKind
{
    /// <summary>At market instant <c>Minute</c>, every stream connection is dropped (aborted, no close frame).</summary>
    DropAt,
    /// <summary>The next <c>Times</c> auth messages get <c>402 auth failed</c> whatever keys they carry.</summary>
    RefuseAuth,
    /// <summary><c>Seconds</c> after the bar of (<c>Symbol</c>, <c>Minute</c>) is published, an updated bar (<c>"T":"u"</c>) follows with late volume.</summary>
    UpdateBar,
    /// <summary>No bar at all for (<c>Symbol</c>, <c>Minute</c>), on the stream or in REST: IEX sends none for a minute without trades.</summary>
    SkipMinute,
    /// <summary>The bar of (<c>Symbol</c>, <c>Minute</c>) is published <c>Seconds</c> later than its turn (past ingest's watermark).</summary>
    HoldBar,
    /// <summary>The next <c>Times</c> REST requests get <c>429</c> with <c>X-RateLimit-Reset</c> one second ahead.</summary>
    Rest429,
    /// <summary>The next <c>Times</c> REST requests get <c>500</c>.</summary>
    Rest500,
}
