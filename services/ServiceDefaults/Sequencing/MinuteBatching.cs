namespace Tradewire.ServiceDefaults.Sequencing;

/// <summary>
/// The endpoint settings of a <see cref="MinuteBatch{TDbContext}"/> consumer: a lone message goes through at once
/// (a batch of one after a time limit near zero), a backlog comes as batches of up to <see cref="MessageLimit"/>.
/// </summary>
public static class MinuteBatching
{
    /// <summary>Most messages one transaction takes: a bound on the work a failure repeats and a lock holds.</summary>
    public const int MessageLimit = 20;

    /// <summary>How long a batch waits for more after its first message. The messages of a backlog reach the
    /// endpoint in a burst (prefetched, or sent together when a batch is acknowledged), well within it.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(3);

    /// <summary>
    /// One batch at a time, so batches commit, and their outboxes go out, in the order they were formed. The
    /// endpoint lets twice the limit in, so the next batch fills while one is consumed, and prefetches as many.
    /// </summary>
    public static void Configure<TConsumer>(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer)
        where TConsumer : class
    {
        consumer.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1));
        endpoint.ConcurrentMessageLimit = 2 * MessageLimit;
        endpoint.PrefetchCount = Math.Max(endpoint.PrefetchCount, 2 * MessageLimit);
    }
}
