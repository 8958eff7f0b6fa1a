namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>
/// Retry policy of every consumer endpoint, bound from configuration section <c>Retry</c>.
/// First immediate retries (a deadlock, a serialization failure, a dropped connection), then retries after
/// growing delays, then the message goes to <c>&lt;queue&gt;_error</c> with the exception in its headers.
/// </summary>
public sealed class RetryOptions
{
    public int ImmediateRetries { get; set; } = 3;

    /// <summary>
    /// Extra passes, with short randomised delays, for optimistic-concurrency conflicts only (a saga updated by
    /// two messages at once), made by the outbox pass itself; the retries above apply when these run out.
    /// </summary>
    public int ConcurrencyRetries { get; set; } = 10;

    /// <summary>
    /// Delays of the second level. They run in process while the message stays unacknowledged, so a crash
    /// returns it to the queue rather than losing it (the RabbitMQ delayed-exchange plugin, which broker-side
    /// redelivery needs, is not part of the standard distribution).
    /// </summary>
    public TimeSpan[] Redelivery { get; set; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>
    /// Binds the section. <c>Redelivery</c> replaces the default list when present (an empty value means no
    /// second level), because the configuration binder would otherwise append to the default array.
    /// </summary>
    public static RetryOptions From(IConfigurationSection section)
    {
        var options = new RetryOptions();
        if (int.TryParse(section["ImmediateRetries"], out var immediate))
            options.ImmediateRetries = immediate;
        if (int.TryParse(section["ConcurrencyRetries"], out var concurrency))
            options.ConcurrencyRetries = concurrency;
        var redelivery = section.GetSection("Redelivery");
        if (redelivery.Exists() || redelivery.Value is not null)
            options.Redelivery = redelivery.GetChildren().Select(c => TimeSpan.Parse(c.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return options;
    }
}
