using Prometheus;

namespace Tradewire.ServiceDefaults.Metrics;

/// <summary>
/// What every service's inbox and consumers report: messages dropped as duplicates by the inbox, and how old each
/// queue's messages are when consumed (the lag between the sender's stamp and the consume, per queue).
/// </summary>
public sealed class MessagingMetrics(ServiceMetrics metrics)
{
    readonly Counter duplicates = metrics.Factory.CreateCounter("trader_inbox_duplicates_dropped_total",
        "Messages the inbox recognised as already handled and did not consume again.", ["queue"]);
    readonly Gauge lag = metrics.Factory.CreateGauge("trader_message_lag_seconds",
        "Seconds between a message being sent and its consume starting, for the last message consumed from the queue.", ["queue"]);
    readonly Counter consumed = metrics.Factory.CreateCounter("trader_messages_consumed_total",
        "Messages handed to a consumer, per queue (duplicates included).", ["queue"]);

    public void DuplicatesDropped(Uri inputAddress, int count)
    {
        if (count > 0)
            duplicates.WithLabels(QueueOf(inputAddress)).Inc(count);
    }

    public void Consumed(Uri? inputAddress, TimeSpan lagBehindSender)
    {
        var queue = QueueOf(inputAddress);
        consumed.WithLabels(queue).Inc();
        lag.WithLabels(queue).Set(Math.Max(0, lagBehindSender.TotalSeconds));
    }

    /// <summary>The queue name of a receive endpoint address (<c>rabbitmq://host/vhost/queue</c> or <c>queue:name</c>).</summary>
    public static string QueueOf(Uri? inputAddress)
    {
        if (inputAddress is null)
            return "unknown";
        var path = inputAddress.IsAbsoluteUri ? inputAddress.AbsolutePath : inputAddress.OriginalString;
        var name = path.TrimEnd('/');
        var slash = name.LastIndexOfAny(['/', ':']);
        return slash >= 0 ? name[(slash + 1)..] : name;
    }
}
