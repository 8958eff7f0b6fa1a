using System.Diagnostics;

namespace Tradewire.Cli.Operate;

/// <summary>Asks supervised processes whether they are ready (a service's /health/ready; the data server: any answer).</summary>
public static class ReadyProbe
{
    public static async Task<bool> IsReady(HttpClient http, Uri baseAddress, string? readyPath)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, readyPath ?? "/"));
            return readyPath is null || response.IsSuccessStatusCode;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; } // no answer within the client's timeout
    }

    /// <summary>Polls every unit until all are ready or the timeout passes; readiness by unit name.</summary>
    public static async Task<Dictionary<string, bool>> WaitAll(IReadOnlyList<SupervisedUnit> units, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var ready = units.ToDictionary(u => u.Name, _ => false);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && ready.Values.Any(r => !r))
        {
            foreach (var unit in units.Where(u => !ready[u.Name]))
                ready[unit.Name] = await IsReady(http, unit.Service.BaseAddress, unit.ReadyPath);
            if (ready.Values.Any(r => !r))
                await Task.Delay(500);
        }
        return ready;
    }
}
