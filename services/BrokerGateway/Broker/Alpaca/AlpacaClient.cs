using System.Net;
using System.Text.Json;

namespace Tradewire.BrokerGateway.Broker.Alpaca;

/// <summary>
/// HTTP to Alpaca with the retry rule of a trading venue: a 5xx, a timeout or a broken connection is retried
/// (the same request: a submit carries its client order id, which the venue refuses to take twice), up to
/// <see cref="AlpacaOptions.Attempts"/>; a 429 waits for the quota's reset (<see cref="AlpacaRateBudget"/>) and is
/// then sent again without spending an attempt, up to <see cref="AlpacaOptions.RateLimitWait"/>; any other answer
/// is final. Every request first takes its place in the account's quota. What went wrong on the way is kept in the reply.
/// </summary>
sealed class AlpacaClient(HttpClient http, AlpacaOptions options, AlpacaRateBudget budget, ILogger log)
{
    /// <summary><paramref name="Status"/> null: no answer after every attempt (the outcome of a write is unknown).</summary>
    public sealed record Reply(HttpStatusCode? Status, string Body, IReadOnlyList<string> Faults)
    {
        public bool Ok => Status is { } s && (int)s is >= 200 and < 300;

        public T Read<T>() => JsonSerializer.Deserialize<T>(Body, AlpacaWire.Json)
                              ?? throw new BrokerUnavailableException($"Alpaca answered {(int?)Status} with an empty body");

        /// <summary>
        /// The venue's error code from its body (Alpaca documents codes such as 40010001, 40310000, 42210000), or null.
        /// Refusals are told apart by code: messages are for people and change wording.
        /// </summary>
        public int? Code
        {
            get
            {
                try
                {
                    return Body.Length == 0 ? null : JsonSerializer.Deserialize<AlpacaError>(Body, AlpacaWire.Json)?.Code;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        public bool ClientError => Status is { } s && (int)s is >= 400 and < 500;

        /// <summary>The venue's own message (its error body), else the start of the body.</summary>
        public string Message
        {
            get
            {
                try
                {
                    return JsonSerializer.Deserialize<AlpacaError>(Body, AlpacaWire.Json)?.Message ?? Body;
                }
                catch (JsonException)
                {
                    return Body.Length > 200 ? Body[..200] : Body;
                }
            }
        }
    }

    public async Task<Reply> Send(HttpMethod method, string path, object? body, string what)
    {
        var faults = new List<string>();
        var throttled = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            string fault;
            try
            {
                using (var quota = new CancellationTokenSource(options.RateLimitWait))
                    await budget.Take(quota.Token);
            }
            catch (OperationCanceledException)
            {
                faults.Add($"request quota not back within {options.RateLimitWait.TotalSeconds:0} s on {what}");
                return new Reply(null, "", faults);
            }
            using var timeout = new CancellationTokenSource(options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                    request.Content = JsonContent.Create(body, body.GetType(), options: AlpacaWire.Json);
                using var response = await http.SendAsync(request, timeout.Token);
                budget.Observe(response);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                var code = (int)response.StatusCode;
                if (code == 429 && throttled.Elapsed < options.RateLimitWait)
                {
                    // Not a fault of the venue and not an attempt spent: the next Take waits for the quota's reset.
                    log.LogWarning("Alpaca: HTTP 429 on {What}; waiting for the request quota's reset", what);
                    attempt--;
                    await Task.Delay(options.RetryDelay); // a 429 without quota headers must not loop at once
                    continue;
                }
                if (code < 500 && code != 429)
                    return new Reply(response.StatusCode, text, faults);
                fault = $"HTTP {code} on {what}";
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                fault = $"no answer within {options.RequestTimeout.TotalMilliseconds:0} ms on {what}";
            }
            catch (HttpRequestException e)
            {
                fault = $"{Tradewire.ServiceDefaults.Configuration.Redaction.Text(e.Message)} on {what}"; // a socket error may quote the URL
            }
            faults.Add(fault);
            log.LogWarning("Alpaca: {Fault} (attempt {Attempt} of {Attempts})", fault, attempt, options.Attempts);
            if (attempt >= options.Attempts)
                return new Reply(null, "", faults);
            await Task.Delay(options.RetryDelay * attempt);
        }
    }
}

/// <summary>The venue could not be read: the minute step cannot know its fills and is retried (its transaction rolls back).</summary>
public sealed class BrokerUnavailableException(string message) : Exception(message);
