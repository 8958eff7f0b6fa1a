using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Tradewire.Dashboard.Live;

/// <summary>
/// Fans committed events out to every open page (server-sent events). Each page has a bounded queue that drops
/// its oldest message when the page cannot keep up: a slow browser must never hold up the consumers, and the
/// page reloads its state from the database on every push anyway, so a dropped push loses nothing.
/// </summary>
public sealed class LiveFeed
{
    public static readonly IReadOnlyList<string> Channels = ["signals", "decisions", "orders", "risk", "events"];

    readonly Lock _gate = new();
    readonly List<Channel<LiveMessage>> _subscribers = [];

    public int Subscribers
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    public void Publish(string channel, string kind, object data)
    {
        if (!Channels.Contains(channel))
            throw new ArgumentException($"unknown channel '{channel}'", nameof(channel));
        var message = new LiveMessage(channel, kind, JsonSerializer.SerializeToNode(data, JsonSerializerOptions.Web) ?? new JsonObject());
        lock (_gate)
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite(message);
    }

    /// <summary>The messages of the given channels from now until the caller goes away.</summary>
    public async IAsyncEnumerable<LiveMessage> Subscribe(IReadOnlySet<string> channels, [EnumeratorCancellation] CancellationToken token)
    {
        var queue = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
            _subscribers.Add(queue);
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(token))
                if (channels.Contains(message.Channel))
                    yield return message;
        }
        finally
        {
            lock (_gate)
                _subscribers.Remove(queue);
        }
    }
}
