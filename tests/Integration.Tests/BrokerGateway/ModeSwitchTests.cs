using Tradewire.Integration.Tests.Dispatcher;

namespace Tradewire.Integration.Tests.BrokerGateway;

public sealed class When_the_operator_switches_the_trading_mode
{
    const string Unchanged = "PAPER/0";

    [Fact]
    public async Task Should_refuse_LIVE_without_the_token_the_phrase_or_with_an_open_PAPER_position_and_change_nothing()
    {
        await using var rig = await ModeSwitchRig.Start();
        await rig.OpenPaperPosition("AAPL");

        Assert.Equal(401, (await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase }, token: false)).Status);
        Assert.Equal(Unchanged, await rig.StoredMode());
        foreach (var noPhrase in new object[] { new { mode = "LIVE" }, new { mode = "LIVE", confirm = "confirm live trading" } })
        {
            var (status, body) = await rig.Switch(noPhrase);
            Assert.Equal((400, "CONFIRM_PHRASE_MISMATCH"), (status, body.GetProperty("error").GetString()));
            Assert.Equal(Unchanged, await rig.StoredMode());
        }
        var (bad, badBody) = await rig.Switch(new { mode = "REAL" });
        Assert.Equal((400, "MODE_INVALID"), (bad, badBody.GetProperty("error").GetString()));

        var (open, openBody) = await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase });
        Assert.Equal((409, "OPEN_PAPER_POSITIONS"), (open, openBody.GetProperty("error").GetString()));
        Assert.Equal(Unchanged, await rig.StoredMode());
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM trading_mode_history"));
        Assert.Equal(0, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code LIKE 'TRADING_MODE_%'"));

        // Flat, the same request goes through, once: a second LIVE request answers LIVE without a new version.
        (await rig.Post("/flatten", new { actor = "ops:test", reason = "before LIVE" })).EnsureSuccessStatusCode();
        var (live, liveBody) = await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase, actor = "ops:test" });
        Assert.Equal((200, "LIVE", 1L, true), (live, liveBody.GetProperty("mode").GetString(), liveBody.GetProperty("version").GetInt64(), liveBody.GetProperty("changed").GetBoolean()));
        Assert.Equal("LIVE/1", await rig.StoredMode());
        var (again, againBody) = await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase });
        Assert.Equal((200, false), (again, againBody.GetProperty("changed").GetBoolean()));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM trading_mode_history WHERE mode = 'LIVE' AND previous = 'PAPER' AND actor = 'ops:test'"));
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM risk_events WHERE reason_code = 'TRADING_MODE_LIVE'"));

        // PAPER is always allowed.
        var (paper, paperBody) = await rig.Switch(new { mode = "PAPER" });
        Assert.Equal((200, "PAPER"), (paper, paperBody.GetProperty("mode").GetString()));
        Assert.Equal("PAPER/2", await rig.StoredMode());
    }

    [Fact]
    public async Task Should_refuse_LIVE_without_live_keys_with_the_paper_accounts_keys_or_keys_the_venue_refuses()
    {
        var cases = new (string Code, Func<Task<ModeSwitchRig>> Start)[]
        {
            ("LIVE_KEYS_MISSING", () => ModeSwitchRig.Start(keys: false)),
            ("LIVE_KEYS_SAME_AS_PAPER", () => ModeSwitchRig.Start(paperKeyId: ModeSwitchRig.KeyId)),
            ("LIVE_VENUE_CHECK_FAILED", () => ModeSwitchRig.Start(settings: new Dictionary<string, string?> { ["Broker:Alpaca:SecretKey"] = "wrong" })),
        };
        foreach (var (code, start) in cases)
        {
            await using var rig = await start();
            var (status, body) = await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase });
            Assert.Equal(code, body.GetProperty("error").GetString());
            Assert.True(status is 409 or 503, $"{code}: HTTP {status}");
            Assert.Equal(Unchanged, await rig.StoredMode());
        }
    }

    [Fact]
    public async Task Should_keep_LIVE_across_a_restart()
    {
        string database;
        await using (var rig = await ModeSwitchRig.Start())
        {
            database = rig.Gateway.ConnectionString;
            Assert.Equal(200, (await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase })).Status);
        }
        // Broker:Mode is not set (PAPER, the default): the stored LIVE stands.
        await using var restarted = await ModeSwitchRig.Start(database: database);
        Assert.Equal("LIVE/1", await restarted.StoredMode());
    }

    [Fact]
    public async Task Should_reach_the_dispatcher_whose_next_command_says_LIVE()
    {
        await using var rig = await ModeSwitchRig.Start();
        await using var dispatcher = await DispatcherHost.Start(TestService.NewName("dismode"), null, rig.Gateway.PlaceQueue);
        // A new dispatcher stamps PAPER until it hears otherwise.
        await Eventually.Until(() => dispatcher.Count("SELECT count(*) FROM dispatcher_trading_mode WHERE mode = 'PAPER'"), n => n == 1, what: "PAPER");

        Assert.Equal(200, (await rig.Switch(new { mode = "LIVE", confirm = ModeSwitchRig.Phrase })).Status);
        await Eventually.Until(() => dispatcher.Count("SELECT count(*) FROM dispatcher_trading_mode WHERE mode = 'LIVE' AND version = 1"), n => n == 1,
            TimeSpan.FromSeconds(30), "the dispatcher follows LIVE");

        var feed = new SignalsFeed();
        await dispatcher.Send(feed.Evaluated(0, [feed.Rec(0, "AAPL")], "AAPL"));
        await Eventually.Until(() => rig.Gateway.Count("SELECT count(*) FROM brackets"), n => n == 1, TimeSpan.FromSeconds(30), "the command at the gateway");
        Assert.Equal(1, await rig.Gateway.Count("SELECT count(*) FROM brackets WHERE execution_mode = 'LIVE'"));
        Assert.Equal(1, await dispatcher.Count("SELECT count(*) FROM dispatch_executions WHERE execution_mode = 'LIVE'"));
    }
}
