using System.Net.WebSockets;
using System.Text;

namespace Tradewire.FakeVenue;

/// <summary>Reads a client's WebSocket messages whole (a message may come in several frames), text or binary alike.</summary>
internal static class WebSocketMessages
{
    /// <summary>The next message as UTF-8 text, or null once the client closed or the socket is no longer open.</summary>
    public static async Task<string?> Next(WebSocket socket, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
        return null;
    }
}
