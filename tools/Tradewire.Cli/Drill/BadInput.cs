using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Drill;

/// <summary>
/// The drill's poison and bad input, against the running services: a body that is not JSON and a bar slice for a
/// minute outside the session, both put on the features service's queue; they must end in its error queue with
/// the reason, and nothing else may change. The replay's own bad lines (NaN and non-positive prices, high below
/// low, duplicates, out-of-order and out-of-session bars) are counted from ingest's <c>ingest_rejections</c>,
/// as is the news feed that answers with an HTML page (<see cref="HtmlFeed"/>).
/// </summary>
public static class BadInput
{
    public const string Queue = "features-minute-bars-closed";

    /// <summary>Publishes the two poison messages; returns how many were injected into <see cref="Queue"/>.</summary>
    public static async Task<int> Inject(InfraEnvironment infra, DateOnly date)
    {
        using var http = infra.ManagementClient();
        var envelope = JsonSerializer.Serialize(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:Tradewire.Contracts.Market:MinuteBarsClosed" },
            message = new { sessionDate = date.ToString("yyyy-MM-dd"), minute = date.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), bars = Array.Empty<object>() },
        });
        foreach (var payload in new[] { "{not json", envelope })
        {
            using var response = await http.PostAsJsonAsync("api/exchanges/%2F/amq.default/publish", new
            {
                properties = new { content_type = "application/vnd.masstransit+json", message_id = Guid.NewGuid().ToString() },
                routing_key = Queue, payload, payload_encoding = "string",
            });
            response.EnsureSuccessStatusCode();
        }
        return 2;
    }

    /// <summary>The fault reasons of the messages in <paramref name="errorQueue"/> (left in place).</summary>
    public static async Task<List<string>> Reasons(InfraEnvironment infra, string errorQueue)
    {
        using var http = infra.ManagementClient();
        using var response = await http.PostAsJsonAsync($"api/queues/%2F/{errorQueue}/get",
            new { count = 100, ackmode = "ack_requeue_true", encoding = "auto" });
        if (!response.IsSuccessStatusCode)
            return [];
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Select(m =>
        {
            var headers = m.GetProperty("properties").TryGetProperty("headers", out var h) ? h : default;
            string? Header(string name) => headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var v) ? v.ToString() : null;
            var reason = Header("MT-Fault-Message") ?? Header("MT-Reason") ?? "?";
            return $"{Header("MT-Fault-ExceptionType") ?? "?"}: {(reason.Length > 140 ? reason[..140] + "..." : reason)}";
        }).ToList();
    }

    /// <summary>Ingest's refusals of the replayed session's bad lines, by reason code.</summary>
    public static async Task<List<(string Reason, long Count)>> Rejections(Db ingest) =>
        (await ingest.Rows("SELECT reason_code, count(*) FROM ingest_rejections GROUP BY reason_code ORDER BY reason_code"))
        .Select(r => ((string)r[0]!, (long)r[1]!)).ToList();

    /// <summary>The reason ingest records for a feed whose body is not a feed (an HTML page).</summary>
    public const string NotAFeed = "FEED_NOT_A_FEED";

    /// <summary>
    /// A local "news feed" that answers every request with an HTML page (what a portal's error or login page
    /// looks like to a poller). Ingest is started with it as its feed during the disturbed replay; it must refuse
    /// it with <see cref="NotAFeed"/> and publish nothing.
    /// </summary>
    public sealed class HtmlFeed : IDisposable
    {
        const string Page = "<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Please sign in</h1></body></html>";
        readonly System.Net.HttpListener listener = new();

        public HtmlFeed()
        {
            // A free port: bind to 0, read the port back, release it for the listener.
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/news/rss.xml";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = Serve();
        }

        public string Url { get; }

        async Task Serve()
        {
            var body = System.Text.Encoding.UTF8.GetBytes(Page);
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return; // stopped
                }
            }
        }

        public void Dispose() => listener.Close();
    }
}
