using System.Text;

namespace Tradewire.Integration.Tests.Support;

/// <summary>Reads queues through the RabbitMQ management HTTP API (what the operator's UI shows).</summary>
public static class RabbitManagement
{
    static HttpClient Client()
    {
        var env = LocalInfra.Environment;
        var http = new HttpClient { BaseAddress = env.ManagementUri };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{env["TRADEWIRE_RABBIT_USER"]}:{env["TRADEWIRE_RABBIT_PASSWORD"]}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }

    /// <summary>Ready messages in a queue, or -1 when the queue does not exist.</summary>
    public static async Task<long> MessagesIn(string queue)
    {
        using var http = Client();
        using var response = await http.GetAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return -1;
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The management API refreshes counts every few seconds; messages_ready is the freshest it has.
        return json.TryGetProperty("messages_ready", out var ready) ? ready.GetInt64() : 0;
    }

    /// <summary>Takes (and acknowledges) up to <paramref name="count"/> messages from a queue; returns their headers and bodies.</summary>
    public static async Task<IReadOnlyList<JsonElement>> Take(string queue, int count)
    {
        using var http = Client();
        var body = new { count, ackmode = "ack_requeue_false", encoding = "auto" };
        using var response = await http.PostAsJsonAsync($"api/queues/%2F/{Uri.EscapeDataString(queue)}/get", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>
    /// Takes messages from a queue until <paramref name="count"/> were taken or the timeout passes. Live, unlike
    /// the queue statistics, which the management plugin refreshes only every few seconds.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> TakeUntil(string queue, int count, TimeSpan timeout)
    {
        var taken = new List<JsonElement>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (taken.Count < count && watch.Elapsed < timeout)
        {
            try { taken.AddRange(await Take(queue, count - taken.Count)); }
            catch (HttpRequestException) { } // the queue does not exist yet
            if (taken.Count < count)
                await Task.Delay(100);
        }
        return taken;
    }
}
