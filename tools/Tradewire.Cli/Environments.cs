using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Tradewire.Cli;

/// <summary>
/// Puts the local environment in a known state before a replay: every service database dropped and
/// recreated empty (owner = the service's user; the services migrate them at start-up), every RabbitMQ
/// queue deleted. Only ever used on the local infrastructure that scripts/infra.sh started.
/// </summary>
public static class Environments
{
    /// <summary>Recreates the databases of <paramref name="services"/> (default: the seven pipeline services).</summary>
    public static async Task ResetDatabases(InfraEnvironment infra, IEnumerable<ServiceInfo>? services = null)
    {
        await using var admin = new NpgsqlConnection(infra.AdminConnectionString());
        await admin.OpenAsync();
        foreach (var service in services ?? ServiceCatalog.All)
        {
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{service.Database}\" WITH (FORCE)", admin))
                await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{service.Database}\" OWNER \"{service.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        // DROP ... WITH (FORCE) terminated this process's pooled connections to the old databases: forget them.
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task<int> DeleteQueues(InfraEnvironment infra)
    {
        using var http = new HttpClient { BaseAddress = infra.ManagementUri };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{infra["TRADEWIRE_RABBIT_USER"]}:{infra["TRADEWIRE_RABBIT_PASSWORD"]}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        var queues = await http.GetFromJsonAsync<JsonElement>("api/queues/%2F");
        var deleted = 0;
        foreach (var queue in queues.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            using var response = await http.DeleteAsync($"api/queues/%2F/{Uri.EscapeDataString(name)}");
            if (response.IsSuccessStatusCode)
                deleted++;
        }
        return deleted;
    }

    /// <summary>Messages waiting in every <c>_error</c> queue, by queue (only queues holding some).</summary>
    public static async Task<Dictionary<string, long>> ErrorQueueMessages(InfraEnvironment infra)
    {
        using var http = infra.ManagementClient();
        var queues = await http.GetFromJsonAsync<JsonElement>("api/queues/%2F?columns=name,messages");
        return queues.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal))
            .Select(q => (Name: q.GetProperty("name").GetString()!, Count: q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0))
            .Where(q => q.Count > 0)
            .ToDictionary(q => q.Name, q => q.Count);
    }
}
