using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// A message that was published or sent inside a database transaction and waits to be handed to the
/// broker. Either <see cref="InboxMessageId"/>/<see cref="InboxConsumerId"/> (consumer outbox) or
/// <see cref="OutboxId"/> (bus outbox) is set. Same shape as MassTransit's <c>OutboxMessage</c>; the
/// serialized headers include the W3C <c>traceparent</c> of the transaction that wrote it, so a
/// message delivered later still belongs to its original trace.
/// </summary>
public sealed class OutboxMessage : OutboxMessageContext
{
    Headers? _headers;
    IReadOnlyDictionary<string, object>? _properties;

    /// <summary>Database-assigned, strictly increasing: delivery order within one inbox message or outbox.</summary>
    public long SequenceNumber { get; set; }

    public DateTime? EnqueueTime { get; set; }
    public DateTime SentTime { get; set; }
    public string? Headers { get; set; }
    public string? Properties { get; set; }
    public Guid? InboxMessageId { get; set; }
    public Guid? InboxConsumerId { get; set; }
    public Guid? OutboxId { get; set; }
    public Guid MessageId { get; set; }
    public string ContentType { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid? ConversationId { get; set; }
    public Guid? CorrelationId { get; set; }
    public Guid? InitiatorId { get; set; }
    public Guid? RequestId { get; set; }
    public Uri? SourceAddress { get; set; }
    public Uri? DestinationAddress { get; set; }
    public Uri? ResponseAddress { get; set; }
    public Uri? FaultAddress { get; set; }
    public DateTime? ExpirationTime { get; set; }

    Guid? MessageContext.MessageId => MessageId;
    DateTime? MessageContext.SentTime => SentTime;
    Headers MessageContext.Headers => _headers ?? EmptyHeaders.Instance;
    HostInfo MessageContext.Host => HostMetadataCache.Host;
    IReadOnlyDictionary<string, object> OutboxMessageContext.Properties => _properties ?? new Dictionary<string, object>();

    /// <summary>Restores headers and transport properties before the message is handed to the broker.</summary>
    public void Deserialize(IObjectDeserializer deserializer)
    {
        var headers = deserializer.DeserializeDictionary<object?>(Headers);
        _headers = headers is null ? EmptyHeaders.Instance : new DictionarySendHeaders(headers!);
        _properties = deserializer.DeserializeDictionary<object>(Properties) ?? new Dictionary<string, object>();
    }
}
