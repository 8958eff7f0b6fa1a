namespace Tradewire.FakeVenue;

/// <summary>
/// trading-api/_index.md, "Rate Limit": 200 requests every minute per API key, then 429. Every answer carries the
/// quota as broker-api/_index.md describes it: <c>X-Ratelimit-Limit</c>, <c>X-Ratelimit-Remaining</c> and
/// <c>X-Ratelimit-Reset</c> (the UNIX epoch second when the quota is reset). A window of one minute opens with the
/// first request after the last one closed.
/// </summary>
internal sealed class RateWindow(int limit, TimeSpan window, TimeProvider time)
{
    readonly Lock _gate = new();
    DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    int _used;

    /// <summary>Counts one request; false when the quota of the current window is spent.</summary>
    public bool Take(HttpResponse response)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now >= _resetAt)
            {
                _resetAt = now + window;
                _used = 0;
            }
            var allowed = _used < limit;
            if (allowed) _used++;
            response.Headers["X-Ratelimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["X-Ratelimit-Remaining"] = (limit - _used).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Rounded up: a client that waits until this second has passed finds the quota back.
            var reset = (_resetAt.ToUnixTimeMilliseconds() + 999) / 1000;
            response.Headers["X-Ratelimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return allowed;
        }
    }
}
