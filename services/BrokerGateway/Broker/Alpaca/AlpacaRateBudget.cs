namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// The account's request quota at Alpaca, shared by every adapter of the process: 200 requests a minute per API key
/// (Alpaca's trading-api document, "Rate Limit"), beyond which it answers 429. Each answer's
/// <c>X-Ratelimit-Limit</c>, <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Reset</c> (a UNIX second) are
/// kept; a request is held until the reset when the quota is spent, so the venue is not asked in vain, and a 429
/// waits for that reset rather than retrying on a fixed schedule. Until a first answer tells the quota, the
/// process counts its own requests of the last minute against <see cref="AlpacaOptions.RequestsPerMinute"/>.
/// The clock is a latency clock (when the quota comes back), never market time.
/// </summary>
public sealed class AlpacaRateBudget(AlpacaOptions options, TimeProvider time)
{
    readonly Lock gate = new();
    readonly Queue<DateTimeOffset> sent = new();
    int? remaining;
    DateTimeOffset? resetAt;

    /// <summary>Waits until a request may be sent, then counts it.</summary>
    public async Task Take(CancellationToken token = default)
    {
        while (true)
        {
            var wait = TimeSpan.Zero;
            lock (gate)
            {
                var now = time.GetUtcNow();
                while (sent.Count > 0 && sent.Peek() <= now.AddMinutes(-1))
                    sent.Dequeue();
                if (resetAt is { } reset && now >= reset)
                    (remaining, resetAt) = (null, null);
                if (remaining is 0 && resetAt is { } until)
                    wait = until - now;
                else if (remaining is null && sent.Count >= options.RequestsPerMinute)
                    wait = sent.Peek().AddMinutes(1) - now;
                else
                {
                    sent.Enqueue(now);
                    if (remaining is { } r)
                        remaining = r - 1;
                    return;
                }
            }
            await Task.Delay(wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait, time, token);
        }
    }

    /// <summary>Takes the quota the venue reported in an answer's headers (absent headers change nothing).</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (!TryHeader(response, "X-Ratelimit-Remaining", out var left) || !TryHeader(response, "X-Ratelimit-Reset", out var reset))
            return;
        lock (gate)
        {
            remaining = (int)Math.Max(0, left);
            resetAt = DateTimeOffset.FromUnixTimeSeconds(reset);
            if ((int)response.StatusCode == 429)
                remaining = 0;
        }
    }

    static bool TryHeader(HttpResponseMessage response, string name, out long value)
    {
        value = 0;
        return response.Headers.TryGetValues(name, out var values)
               && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
