namespace Tradewire.ServiceDefaults.Messaging;

/// <summary>Broker connection, bound from configuration section <c>RabbitMq</c> (password from the environment only).</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Unacknowledged messages per consumer endpoint (MassTransit's PrefetchCount).</summary>
    public ushort PrefetchCount { get; set; } = 32;
}
