namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>A stream attempt that ended before bars could flow (unreachable, refused, broken handshake): retried with backoff.</summary>
internal sealed class StreamAttemptFailed(string message, Exception? inner = null) : Exception(message, inner);
