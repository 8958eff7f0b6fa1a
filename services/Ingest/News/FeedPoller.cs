using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Tradewire.Ingest.Persistence;

namespace Tradewire.Ingest.News;

/// <summary>
/// Fetches, parses and stores one feed, once: the whole poll without the timer, so tests drive it directly.
/// Each attempt has its own timeout; HTTP errors, timeouts and documents that are not feeds are retried with
/// exponential backoff; when every attempt failed, one <c>FEED</c> rejection is stored and the result says why.
/// Never throws for a feed's own failure (only for cancellation or a database fault).
/// </summary>
public sealed class FeedPoller(HttpClient http, NewsStore store, TimeProvider time, IOptions<NewsOptions> options, ILogger<FeedPoller> logger)
{
    readonly NewsOptions _options = options.Value;

    public async Task<FeedPollResult> PollOnce(string feedUrl, CancellationToken token = default)
    {
        var attempts = 0;
        Attempt outcome;
        try
        {
            outcome = await Pipeline().ExecuteAsync(async ct =>
            {
                attempts++;
                return await FetchAndParse(feedUrl, ct);
            }, token);
        }
        catch (TimeoutRejectedException)
        {
            outcome = Attempt.Failed(FeedReasonCodes.Timeout, $"no complete answer within {_options.Timeout.TotalSeconds:0.###} s", time.GetUtcNow());
        }
        catch (HttpRequestException e)
        {
            outcome = Attempt.Failed(FeedReasonCodes.HttpError, $"transport error: {e.Message}", time.GetUtcNow());
        }

        if (outcome.Parsed is not { IsRejected: false } parsed)
        {
            var failure = outcome.Parsed?.FeedError ?? outcome.Failure!;
            logger.LogWarning("Feed {Feed} rejected after {Attempts} attempt(s): {Reason} {Detail}", feedUrl, attempts, failure.ReasonCode, failure.Detail);
            await store.Reject(feedUrl, failure, outcome.FetchedAt, token);
            return new FeedPollResult(feedUrl, 0, 0, 0, attempts, failure);
        }

        var inserted = await store.Save(parsed.Items, feedUrl, parsed.ItemRejections, outcome.FetchedAt, token);
        logger.LogInformation("Feed {Feed}: {Parsed} items, {Inserted} new, {Rejected} rejected ({Reader})",
            feedUrl, parsed.Items.Count, inserted, parsed.ItemRejections.Count, parsed.Reader);
        return new FeedPollResult(feedUrl, parsed.Items.Count, inserted, parsed.ItemRejections.Count, attempts, null);
    }

    async Task<Attempt> FetchAndParse(string feedUrl, CancellationToken token)
    {
        using var response = await http.GetAsync(feedUrl, HttpCompletionOption.ResponseHeadersRead, token);
        if (!response.IsSuccessStatusCode)
            return Attempt.Failed(FeedReasonCodes.HttpError, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", time.GetUtcNow());
        var body = await response.Content.ReadAsByteArrayAsync(token);
        var fetchedAt = time.GetUtcNow();
        return new Attempt(FeedParser.Parse(body, feedUrl, fetchedAt), null, fetchedAt);
    }

    // Built per poll: cheap, and options changes apply. Delays and timeouts run on the wall clock on purpose:
    // they bound network I/O, not market time (the injected TimeProvider only stamps fetched_at).
    ResiliencePipeline<Attempt> Pipeline() => new ResiliencePipelineBuilder<Attempt>()
        .AddRetry(new RetryStrategyOptions<Attempt>
        {
            MaxRetryAttempts = Math.Max(0, _options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            ShouldHandle = new PredicateBuilder<Attempt>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(a => a.IsFailure),
            OnRetry = args =>
            {
                logger.LogInformation("Feed retry {Attempt} in {Delay}: {Reason}", args.AttemptNumber + 1, args.RetryDelay,
                    args.Outcome.Exception?.Message ?? args.Outcome.Result?.Describe());
                return ValueTask.CompletedTask;
            },
        })
        .AddTimeout(_options.Timeout)
        .Build();

    /// <summary>One attempt's outcome: a parse result (possibly a refused document) or an HTTP failure.</summary>
    sealed record Attempt(FeedParseResult? Parsed, FeedRejection? Failure, DateTimeOffset FetchedAt)
    {
        public bool IsFailure => Failure is not null || Parsed is { IsRejected: true };

        public string? Describe() => (Failure ?? Parsed?.FeedError)?.ReasonCode;

        public static Attempt Failed(string code, string detail, DateTimeOffset at) => new(null, FeedRejection.Feed(code, detail), at);
    }
}
