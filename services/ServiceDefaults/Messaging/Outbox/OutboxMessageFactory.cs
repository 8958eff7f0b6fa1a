using System.Diagnostics;
using MassTransit.Context;
using MassTransit.Serialization;

namespace Tradewire.ServiceDefaults.Messaging.Outbox;

/// <summary>Turns a MassTransit <see cref="SendContext{T}"/> into an <see cref="OutboxMessage"/> row.</summary>
static class OutboxMessageFactory
{
    /// <summary>W3C trace-context header names; stored with the message so a late delivery keeps its trace.</summary>
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static OutboxMessage Create<T>(SendContext<T> context, DateTime now, Guid? inboxMessageId = null,
        Guid? inboxConsumerId = null, Guid? outboxId = null)
        where T : class
    {
        if (context.MessageId is not { } messageId)
            throw new MessageException(typeof(T), "The SendContext MessageId must be present to use the outbox");

        var message = new OutboxMessage
        {
            MessageId = messageId,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = context.DestinationAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            SentTime = context.SentTime ?? now,
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = context.Serializer.GetMessageBody(context).GetString(),
            InboxMessageId = inboxMessageId,
            InboxConsumerId = inboxConsumerId,
            OutboxId = outboxId,
        };
        if (context.TimeToLive is { } ttl)
            message.ExpirationTime = now + ttl;
        if (context.Delay is { } delay)
            message.EnqueueTime = now + delay;

        var headers = context.Headers.GetAll().ToDictionary(x => x.Key, x => x.Value, StringComparer.OrdinalIgnoreCase);
        if (Activity.Current is { } activity && !headers.ContainsKey(TraceParentHeader))
        {
            headers[TraceParentHeader] = activity.Id!;
            if (!string.IsNullOrEmpty(activity.TraceStateString))
                headers[TraceStateHeader] = activity.TraceStateString;
        }
        if (headers.Count > 0)
            message.Headers = SystemTextJsonMessageSerializer.Instance.SerializeDictionary(headers);

        if (context is TransportSendContext<T> transport)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transport.WritePropertiesTo(properties);
            if (properties.Count > 0)
                message.Properties = SystemTextJsonMessageSerializer.Instance.SerializeDictionary(properties);
        }
        return message;
    }

    /// <summary>The trace context stored with a message, or default when it has none.</summary>
    public static ActivityContext StoredTraceContext(OutboxMessage message)
    {
        var parent = ((MassTransit.Middleware.OutboxMessageContext)message).Headers.Get<string>(TraceParentHeader);
        var state = ((MassTransit.Middleware.OutboxMessageContext)message).Headers.Get<string>(TraceStateHeader);
        return parent is not null && ActivityContext.TryParse(parent, state, out var parsed) ? parsed : default;
    }
}
