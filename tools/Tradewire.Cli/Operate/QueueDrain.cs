using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Operate;

/// <summary>Waits, within a bound, until the pipeline's RabbitMQ queues hold no message (error queues aside).</summary>
public static class QueueDrain
{
    /// <summary>True when drained in time; false on timeout or when the management API does not answer.</summary>
    public static async Task<bool> Wait(InfraEnvironment infra, TimeSpan timeout, CancellationToken token = default)
    {
        using var http = infra.ManagementClient();
        http.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (await InFlight(http, token) == 0)
                    return true;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) when (!token.IsCancellationRequested) { return false; }
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(500, token);
        }
    }

    static async Task<long> InFlight(HttpClient http, CancellationToken token)
    {
        var queues = await http.GetFromJsonAsync<JsonElement>("api/queues/%2F?columns=name,messages", token);
        return queues.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString() is { } n && !n.EndsWith("_error", StringComparison.Ordinal) && !n.EndsWith("_skipped", StringComparison.Ordinal))
            .Sum(q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0);
    }
}
