namespace Tradewire.FakeVenue.MarketData;

/// <summary>A bar due on the stream: <paramref name="Updated"/> for an updated bar (<c>"T":"u"</c>).</summary>
internal sealed record PublishedBar(SessionBar Bar, bool Updated);
