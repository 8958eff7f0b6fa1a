using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace Tradewire.Ingest.Live.Alpaca;

/// <summary>
/// <c>GET /v2/stocks/bars</c> (the historical stock data page's Multi Bars): 1-minute bars of several symbols, page by
/// page through <c>next_page_token</c>. A 429 (waiting for <c>X-RateLimit-Reset</c>, the UNIX second the quota is
/// back, when the answer has it), a 5xx or a network failure is retried with backoff; any other refusal is a
/// <see cref="MarketDataException"/> carrying Alpaca's message.
/// </summary>
internal sealed class AlpacaBarsClient
{
    /// <summary>The longest wait a rate-limit reset may impose; a later one is a clock disagreement, not a plan.</summary>
    static readonly TimeSpan MaxResetWait = TimeSpan.FromSeconds(60);

    readonly AlpacaMarketDataOptions _options;
    readonly HttpClient _http;
    readonly ILogger _logger;
    readonly Action _onMalformed;
    readonly TimeProvider _time;
    readonly TimeProvider _wall;
    readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public AlpacaBarsClient(AlpacaMarketDataOptions options, HttpClient http, TimeProvider time, TimeProvider wall, ILogger logger, Action onMalformed)
    {
        _time = time;
        _wall = wall;
        _options = options;
        _http = http;
        _logger = logger;
        _onMalformed = onMalformed;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = wall }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    // HttpClient's own timeout; the caller's cancellation is not retried.
                    { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result: { } r } => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500,
                    _ => false,
                }),
                MaxRetryAttempts = Math.Max(options.RestRetries, 0),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RestRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(ResetWait(args.Outcome.Result, _wall)),
                OnRetry = args =>
                {
                    _logger.LogWarning("GET /v2/stocks/bars: {Outcome}; retry {Attempt} in {Delay}",
                        args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.Message,
                        args.AttemptNumber + 1, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<IReadOnlyList<FeedBar>> Fetch(IReadOnlyCollection<string> symbols, DateTimeOffset start, DateTimeOffset end, CancellationToken token)
    {
        ArgumentOutOfRangeException.ThrowIfZero(symbols.Count);
        var bars = new List<FeedBar>();
        if (end <= start) return bars;
        string? pageToken = null;
        do
        {
            var url = Url(symbols, start, end, pageToken);
            using var response = await Get(url, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new MarketDataException($"GET {Redact.Url(url)} answered {(int)response.StatusCode}: {AlpacaMessage(body)}");
            pageToken = ReadPage(body, url, _time.GetUtcNow(), bars);
        } while (pageToken is not null);
        // Alpaca's end is inclusive; the feed's is not.
        return bars.Where(b => b.Minute >= start && b.Minute < end)
            .OrderBy(b => b.Symbol, StringComparer.Ordinal).ThenBy(b => b.Minute)
            .ToList();
    }

    async Task<HttpResponseMessage> Get(Uri url, CancellationToken token)
    {
        try
        {
            return await _retry.ExecuteAsync(async t =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("APCA-API-KEY-ID", _options.KeyId);
                request.Headers.Add("APCA-API-SECRET-KEY", _options.SecretKey);
                return await _http.SendAsync(request, t);
            }, token);
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException && !token.IsCancellationRequested)
        {
            throw new MarketDataException($"GET {Redact.Url(url)} unreachable after {_options.RestRetries} retries: {e.Message}", e);
        }
    }

    /// <summary>Adds the page's bars; the next page's token, or null after the last.</summary>
    string? ReadPage(string body, Uri url, DateTimeOffset receivedAt, List<FeedBar> bars)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bars", out var bySymbol))
                throw new MarketDataException($"GET {Redact.Url(url)}: the answer has no \"bars\"");
            // No bar at all comes as {} (or null).
            if (bySymbol.ValueKind == JsonValueKind.Object)
                foreach (var symbol in bySymbol.EnumerateObject())
                {
                    if (symbol.Value.ValueKind != JsonValueKind.Array) throw new MarketDataException($"GET {Redact.Url(url)}: bars of {symbol.Name} is not an array");
                    foreach (var item in symbol.Value.EnumerateArray())
                        if (AlpacaBarReader.Read(item, symbol.Name, updated: false, receivedAt, out var problem) is { } bar) bars.Add(bar);
                        else Malformed(problem!);
                }
            else if (bySymbol.ValueKind != JsonValueKind.Null) throw new MarketDataException($"GET {Redact.Url(url)}: \"bars\" is not an object");
            return root.TryGetProperty("next_page_token", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } t ? t : null;
        }
        catch (JsonException e)
        {
            throw new MarketDataException($"GET {Redact.Url(url)}: the answer is not JSON ({e.Message})", e);
        }
    }

    void Malformed(string problem)
    {
        _onMalformed();
        _logger.LogWarning("GET /v2/stocks/bars sent a malformed bar, skipped: {Problem}", problem);
    }

    Uri Url(IReadOnlyCollection<string> symbols, DateTimeOffset start, DateTimeOffset end, string? pageToken)
    {
        static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var query = $"symbols={Uri.EscapeDataString(string.Join(',', symbols))}&timeframe=1Min&start={Uri.EscapeDataString(Time(start))}"
                    + $"&end={Uri.EscapeDataString(Time(end))}&limit={_options.PageLimit}&feed={_options.Feed}&sort=asc"
                    + (pageToken is null ? "" : $"&page_token={Uri.EscapeDataString(pageToken)}");
        return new Uri(new Uri(_options.RestUrl.TrimEnd('/') + "/"), "v2/stocks/bars?" + query);
    }

    /// <summary>The wait X-RateLimit-Reset asks for, or null (Polly's exponential backoff then applies).</summary>
    internal static TimeSpan? ResetWait(HttpResponseMessage? response, TimeProvider wall)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests }
            || !response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            || !long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            return null;
        // The reset is a wall-clock instant on Alpaca's side, so it is compared with the wall clock here.
        var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - wall.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxResetWait ? wait : MaxResetWait;
    }

    /// <summary>Alpaca's error message (<c>{"code":...,"message":"..."}</c>), or the start of the body.</summary>
    static string AlpacaMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                return doc.RootElement.TryGetProperty("code", out var c) ? $"{c} {m.GetString()}" : m.GetString()!;
        }
        catch (JsonException)
        {
            // Not Alpaca's JSON (a proxy's page, say): show its start.
        }
        return body.Length > 200 ? body[..200] : body;
    }
}
