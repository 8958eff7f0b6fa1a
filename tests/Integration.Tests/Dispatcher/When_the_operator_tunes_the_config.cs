using System.Net;
using System.Text;

namespace Tradewire.Integration.Tests.Dispatcher;

public sealed class When_the_operator_tunes_the_config
{
    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Should_validate_record_and_apply_it_at_the_next_run_without_a_restart()
    {
        await using var sink = await OrderSink.Start();
        await using var host = await DispatcherHost.Start(TestService.NewName("disf"), null, sink.Queue);
        using var http = host.Http();
        var initial = await http.GetFromJsonAsync<JsonElement>("/config");
        Assert.Equal(0.70m, initial.GetProperty("config").GetProperty("confidence_min").GetDecimal());
        var initialSha = initial.GetProperty("config_sha").GetString();

        using (var anonymous = host.Http(withToken: false))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/config", Json("""{"confidence_min": 0.65}"""))).StatusCode);
        foreach (var (patch, reason) in new[] { ("""{"confidence_min": 1.5}""", "out_of_range"), ("""{"confidence_min": -1}""", "out_of_range"),
                     ("""{"confidence": 0.6}""", "unknown_key"), ("""{"confidence_min": "0.6"}""", "wrong_type") })
        {
            var rejected = await http.PutAsync("/config", Json(patch));
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            Assert.Equal(reason, (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        Assert.Equal(initialSha, (await http.GetFromJsonAsync<JsonElement>("/config")).GetProperty("config_sha").GetString());

        var feed = new SignalsFeed();
        await host.Send(feed.Evaluated(0, [feed.Rec(0, "AAPL", confidence: 0.67m)], "AAPL"));
        await host.TicksDone(1);
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatch_recommendations WHERE status = 'SKIPPED'"));

        var accepted = await http.PutAsync("/config", Json("""{"confidence_min": 0.65}"""));
        accepted.EnsureSuccessStatusCode();
        var newSha = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("config_sha").GetString();
        Assert.NotEqual(initialSha, newSha);
        await host.Send(feed.Evaluated(1, [feed.Rec(1, "MSFT", confidence: 0.67m)], "MSFT"));
        await host.TicksDone(2);

        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatch_executions WHERE ticker = 'MSFT' AND config_sha = $1", newSha!));
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatcher_runs WHERE config_sha = $1 AND (run_config_json->>'confidence_min')::numeric = 0.65", newSha!));
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatcher_runs WHERE config_sha = $1", initialSha!));
        Assert.Equal(1, await host.Count("SELECT count(*) FROM dispatcher_config"));
    }
}
