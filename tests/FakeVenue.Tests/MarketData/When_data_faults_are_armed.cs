namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>The scripted faults, armed at start-up or through <c>/_control/faults</c>.</summary>
public sealed class When_data_faults_are_armed
{
    [Fact]
    public async Task Should_drop_every_connection_at_the_minute()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 6),
            faults: new DataFault(DataFaultKind.DropAt, Minute: SessionFolder.Minute(3)));
        await using var probe = await h.Subscribed("AAA", "BBB");
        var received = new List<JsonNode>();
        while (await probe.Next() is { } frame) received.AddRange(frame!);

        // 09:32's bars are due at 09:33:01, after the drop at 09:33:00.
        Assert.Equal(4, received.Count);
        Assert.All(received, b => Assert.True(DateTimeOffset.Parse((string)b["t"]!) < SessionFolder.Minute(2)));
        var dropped = h.Server.Journal.Single(e => e.Kind == "dropped");
        Assert.Equal(1, dropped.Connection);
        Assert.True(dropped.MarketAt >= SessionFolder.Minute(3));
    }

    [Fact]
    public async Task Should_refuse_the_next_auth_attempts_then_accept()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 2), faults: new DataFault(DataFaultKind.RefuseAuth, Times: 2));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var refused = await StreamProbe.Connect(h.Stream);
            await refused.NextText();
            await refused.Send(new { action = "auth", key = DataHarness.KeyId, secret = DataHarness.SecretKey });
            Assert.Equal("""[{"T":"error","code":402,"msg":"auth failed"}]""", await refused.NextText());
            Assert.Null(await refused.NextText());
        }
        await using var accepted = await h.Subscribed("AAA");
        Assert.Equal(2, h.Server.Journal.Count(e => e.Kind == "refused" && e.Detail == "402"));
    }

    [Fact]
    public async Task Should_send_an_updated_bar_after_the_bar_and_serve_it_in_rest()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 4),
            faults: new DataFault(DataFaultKind.UpdateBar, "AAA", SessionFolder.Minute(1), Seconds: 20));
        await using var probe = await h.Subscribed("AAA");
        var bars = await probe.Bars(5);

        var first = bars.FindIndex(b => (string)b["T"]! == "b" && (string)b["t"]! == "2026-11-20T14:31:00Z");
        var update = bars.FindIndex(b => (string)b["T"]! == "u");
        Assert.True(first >= 0 && update > first, $"bar at {first}, update at {update}");
        Assert.Equal("2026-11-20T14:31:00Z", (string)bars[update]["t"]!);
        Assert.True((long)bars[update]["v"]! > (long)bars[first]["v"]!);

        var (_, body) = await h.Get("/v2/stocks/bars?symbols=AAA&timeframe=1Min&start=2026-11-20");
        var served = body["bars"]!["AAA"]!.AsArray().Single(b => (string)b!["t"]! == "2026-11-20T14:31:00Z")!;
        Assert.Equal((long)bars[update]["v"]!, (long)served["v"]!);
    }

    [Fact]
    public async Task Should_skip_a_minute_of_a_symbol_on_the_stream_and_in_rest()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 3),
            faults: new DataFault(DataFaultKind.SkipMinute, "AAA", SessionFolder.Minute(1)));
        await using var probe = await h.Subscribed("AAA", "BBB");
        var bars = await probe.Bars(5);
        Assert.DoesNotContain(bars, b => (string)b["S"]! == "AAA" && (string)b["t"]! == "2026-11-20T14:31:00Z");
        await h.Journaled(e => e.Kind == "published" && e.Minute == SessionFolder.Minute(2) && e.Symbol == "BBB", "the last bar");
        var (_, body) = await h.Get("/v2/stocks/bars?symbols=AAA&timeframe=1Min&start=2026-11-20");
        Assert.Equal(["2026-11-20T14:30:00Z", "2026-11-20T14:32:00Z"], body["bars"]!["AAA"]!.AsArray().Select(b => (string)b!["t"]!));
        Assert.Single(h.Server.Journal, e => e.Kind == "skipped");
        Assert.Equal(5, h.Server.Journal.Count(e => e.Kind == "sent"));
    }

    [Fact]
    public async Task Should_hold_a_bar_back_past_later_minutes()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 3),
            faults: new DataFault(DataFaultKind.HoldBar, "AAA", SessionFolder.Minute(0), Seconds: 150));
        await using var probe = await h.Subscribed("AAA", "BBB");
        var bars = await probe.Bars(6);
        Assert.Equal(("AAA", "2026-11-20T14:30:00Z"), ((string)bars[^1]["S"]!, (string)bars[^1]["t"]!));
        var sent = h.Server.Journal.Single(e => e.Kind == "sent" && e.Symbol == "AAA" && e.Minute == SessionFolder.Minute(0));
        Assert.True(sent.MarketAt >= SessionFolder.Minute(1).AddSeconds(1 + 150));
    }

    [Fact]
    public async Task Should_answer_429_with_the_reset_then_500_then_serve()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 1),
            faults: [new DataFault(DataFaultKind.Rest429), new DataFault(DataFaultKind.Rest500)]);
        const string query = "/v2/stocks/bars?symbols=AAA&timeframe=1Min";
        using (var limited = await h.Http.GetAsync(query))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(long.TryParse(limited.Headers.GetValues("X-RateLimit-Reset").Single(), out _));
        }
        Assert.Equal(HttpStatusCode.InternalServerError, (await h.Get(query)).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.Get(query)).Status);
    }

    [Fact]
    public async Task Should_arm_faults_through_the_control_api_and_refuse_what_cannot_be_played()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 3));
        using var armed = await h.Http.PostAsJsonAsync("/_control/faults", new { kind = "skipMinute", symbol = "AAA", minute = SessionFolder.Minute(1) });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);
        using var past = await h.Http.PostAsJsonAsync("/_control/faults", new { kind = "dropAt", minute = SessionFolder.Open.AddDays(-2) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        using var unknown = await h.Http.PostAsJsonAsync("/_control/faults", new { kind = "explode" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        using var noBar = await h.Http.PostAsJsonAsync("/_control/faults", new { kind = "holdBar", symbol = "ZZZ", minute = SessionFolder.Minute(1), seconds = 5 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noBar.StatusCode);

        await using var probe = await h.Subscribed("AAA");
        var bars = await probe.Bars(2);
        Assert.Equal(["2026-11-20T14:30:00Z", "2026-11-20T14:32:00Z"], bars.Select(b => (string)b["t"]!));
        var journal = JsonNode.Parse(await h.Http.GetStringAsync("/_control/journal"))!.AsArray();
        Assert.Contains(journal, e => (string)e!["kind"]! == "skipped");
    }
}
