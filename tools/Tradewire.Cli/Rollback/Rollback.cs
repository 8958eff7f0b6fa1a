using System.Net.Http.Json;
using System.Text.Json;

namespace Tradewire.Cli.Rollback;

/// <summary>
/// The burn-in plan's rollback from LIVE, each step checked before the next: (1) pause, confirmed by the trading
/// state being PAUSED or HALTED; (2) flatten, confirmed by no open position and no working order (the venue's exits
/// may take a while: waited for up to <paramref name="flatTimeout"/>); (3) switch to PAPER, confirmed by
/// <c>GET /mode</c>; (4) the dispatcher follows PAPER, confirmed by its <c>/config</c> (skipped without a dispatcher).
/// The plan's step 4, "restart the API", is not needed: the mode is switched at runtime and kept across restarts.
/// Safe to run twice: a step already done is confirmed and not redone (a paused or halted book is not paused
/// again; PAPER stays PAPER). Returns 0, or 10 + the number of the step that failed.
/// </summary>
public sealed class Rollback(HttpClient gateway, HttpClient? dispatcher, TimeSpan flatTimeout, TextWriter output)
{
    const string Body = """{"actor":"operator (./tradewire rollback)","reason":"rollback to PAPER"}""";

    public async Task<int> Run()
    {
        var steps = new (string Name, Func<Task<string?>> Run)[]
        {
            ("pause", Pause), ("flatten", Flatten), ("switch to PAPER", Paper), ("dispatcher follows PAPER", DispatcherFollows),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            string? failure;
            try
            {
                failure = await steps[i].Run();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                failure = e.Message;
            }
            if (failure is not null)
            {
                output.WriteLine($"rollback: step {i + 1} ({steps[i].Name}) FAILED: {failure}");
                return 10 + i + 1;
            }
        }
        output.WriteLine("rollback: done. The book is flat and the mode is PAPER; POST /resume to trade on paper again.");
        return 0;
    }

    async Task<string?> Pause()
    {
        if (await State() is "PAUSED" or "HALTED")
        {
            output.WriteLine($"  1. pause: already {await State()}, entries are stopped");
            return null;
        }
        await Post("/pause", Body);
        var state = await State();
        output.WriteLine($"  1. pause: state {state}");
        return state is "PAUSED" or "HALTED" ? null : $"the state is {state} after /pause";
    }

    async Task<string?> Flatten()
    {
        var answer = await Post("/flatten", Body);
        output.WriteLine($"  2. flatten: {answer.GetProperty("ordersCancelled").GetInt32()} orders cancelled, "
                         + $"{answer.GetProperty("positionsClosed").GetInt32()} positions closed, flat at once: {answer.GetProperty("flat").GetBoolean()}");
        var deadline = DateTimeOffset.UtcNow + flatTimeout;
        while (true)
        {
            var (positions, orders) = await OpenBook();
            if (positions == 0 && orders == 0)
            {
                output.WriteLine("     confirmed: 0 open positions, 0 working orders");
                return null;
            }
            if (DateTimeOffset.UtcNow >= deadline)
                return $"{positions} positions and {orders} working orders still open after {flatTimeout.TotalSeconds:0} s (venue exits unfilled?)";
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    async Task<string?> Paper()
    {
        var answer = await Post("/mode", """{"mode":"PAPER","actor":"operator (./tradewire rollback)","reason":"rollback to PAPER"}""");
        var mode = (await Get(gateway, "/mode")).GetProperty("mode").GetString();
        output.WriteLine($"  3. mode: {mode} (version {answer.GetProperty("version").GetInt64()}, changed now: {answer.GetProperty("changed").GetBoolean()})");
        return mode == "PAPER" ? null : $"GET /mode says {mode}";
    }

    async Task<string?> DispatcherFollows()
    {
        if (dispatcher is null)
        {
            output.WriteLine("  4. dispatcher: not checked (no dispatcher address)");
            return null;
        }
        var deadline = DateTimeOffset.UtcNow + flatTimeout;
        string? mode;
        while ((mode = (await Get(dispatcher, "/config")).GetProperty("execution_mode").GetString()) != "PAPER" && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        output.WriteLine($"  4. dispatcher: stamps {mode}");
        return mode == "PAPER" ? null : $"the dispatcher still stamps {mode} after {flatTimeout.TotalSeconds:0} s";
    }

    async Task<string> State() => (await Get(gateway, "/risk")).GetProperty("state").GetProperty("state").GetString()!;

    async Task<(int Positions, long Orders)> OpenBook()
    {
        var positions = (await Get(gateway, "/positions")).GetArrayLength();
        var metrics = await gateway.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith("trader_working_orders ", StringComparison.Ordinal));
        return (positions, long.Parse(line["trader_working_orders ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    async Task<JsonElement> Post(string path, string body)
    {
        using var response = await gateway.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    static async Task<JsonElement> Get(HttpClient http, string path) => (await http.GetFromJsonAsync<JsonElement>(path)).Clone();
}
