namespace Tradewire.FakeVenue.MarketData;

/// <summary>
/// The stream's error messages, codes and texts exactly as the real-time stock data page lists them.
/// <paramref name="Closes"/>: the server closes the connection after sending it.
/// </summary>
internal sealed record StreamError(int Code, string Message, bool Closes)
{
    /// <summary>A message that does not follow the specification; the session goes on.</summary>
    public static readonly StreamError InvalidSyntax = new(400, "invalid syntax", false);
    /// <summary>Subscribe or unsubscribe before auth; the session goes on.</summary>
    public static readonly StreamError NotAuthenticated = new(401, "not authenticated", false);
    /// <summary>Wrong credentials. The page does not say whether the socket stays; Alpaca's servers close it, and so do we.</summary>
    public static readonly StreamError AuthFailed = new(402, "auth failed", true);
    /// <summary>A second auth on an authenticated session; the session goes on.</summary>
    public static readonly StreamError AlreadyAuthenticated = new(403, "already authenticated", false);
    /// <summary>No successful auth within a few seconds of connecting.</summary>
    public static readonly StreamError AuthTimeout = new(404, "auth timeout", true);
    /// <summary>Over the plan's channel limit (IEX: 30 trades + quotes); subscriptions stay as they were.</summary>
    public static readonly StreamError SymbolLimit = new(405, "symbol limit exceeded", false);
    /// <summary>The key pair already has an authenticated session: one concurrent connection per account.</summary>
    public static readonly StreamError ConnectionLimit = new(406, "connection limit exceeded", true);
}
