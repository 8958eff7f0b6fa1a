namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>The stream's data phase: which bars go out, when on the market clock, and how bad recorded bars look on the wire.</summary>
public sealed class When_bars_are_published
{
    [Fact]
    public async Task Should_send_every_bar_once_never_before_its_minute_end_plus_the_publish_delay()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 4));
        await using var probe = await h.Subscribed("AAA", "BBB");
        var bars = await probe.Bars(8);

        Assert.Equal(8, bars.Select(b => ((string)b["S"]!, (string)b["t"]!)).Distinct().Count());
        Assert.All(bars, b => Assert.Equal("b", (string)b["T"]!));
        var sent = h.Server.Journal.Where(e => e.Kind == "sent").ToList();
        Assert.Equal(8, sent.Count);
        Assert.All(sent, e => Assert.True(e.MarketAt >= e.Minute!.Value.AddMinutes(1).AddSeconds(1), $"{e.Symbol} {e.Minute:O} sent at {e.MarketAt:O}"));
        Assert.Equal(sent.Select(e => e.Minute).Order(), sent.Select(e => e.Minute));
    }

    [Fact]
    public async Task Should_carry_the_alpaca_bar_fields_as_json_numbers()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 1));
        await using var probe = await h.Subscribed("AAA");
        var bar = (await probe.Bars(1))[0];
        Assert.Equal(
            """{"T":"b","S":"AAA","o":100.10,"h":100.50,"l":100.00,"c":100.25,"v":1000,"t":"2026-11-20T14:30:00Z","n":10,"vw":100.25}""",
            bar.ToJsonString());
    }

    [Fact]
    public async Task Should_send_only_the_subscribed_symbols()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 3));
        await using var probe = await h.Subscribed("BBB");
        var bars = await probe.Bars(3);
        Assert.All(bars, b => Assert.Equal("BBB", (string)b["S"]!));
    }

    [Fact]
    public async Task Should_send_bad_recorded_bars_as_they_are_with_null_for_what_is_not_a_number()
    {
        var folder = SessionFolder.Write(["AAA"], 3,
            "AAA,09:31,100,101,99,100,-5",   // out of order after 09:32, a duplicate of 09:31, negative volume
            "AAA,09:32,100,99,101,NaN,10",   // high below low, NaN close
            "AAA,9h40,1,1,1,1,1");           // no minute: cannot be played
        await using var h = await DataHarness.Start(folder);
        await using var probe = await h.Subscribed("AAA");
        var bars = await probe.Bars(5);

        var times = bars.Select(b => (string)b["t"]!).ToList();
        Assert.Equal(["2026-11-20T14:30:00Z", "2026-11-20T14:31:00Z", "2026-11-20T14:32:00Z"], times.Take(3));
        Assert.Equal(["2026-11-20T14:31:00Z", "2026-11-20T14:32:00Z"], times.Skip(3).Order());
        var late = bars.Skip(3).Single(b => (string)b["t"]! == "2026-11-20T14:31:00Z");
        Assert.Equal(-5, (long)late["v"]!);
        var nan = bars.Skip(3).Single(b => (string)b["t"]! == "2026-11-20T14:32:00Z");
        Assert.Null(nan["c"]);
        Assert.True((decimal)nan["h"]! < (decimal)nan["l"]!);
        Assert.Contains(h.Server.Journal, e => e.Kind == "unplayable" && e.Detail!.Contains("9h40"));
    }

    [Fact]
    public async Task Should_send_an_extended_hours_line_in_its_own_minute_without_holding_later_lines_back()
    {
        var folder = SessionFolder.Write(["AAA"], 3,
            "AAA,16:05,100,101,99,100,10",   // after the close: an extended-hours bar
            "AAA,09:33,100,101,99,100,10");  // a regular bar the file lists after it
        await using var h = await DataHarness.Start(folder);
        await using var probe = await h.Subscribed("AAA");
        var bars = await probe.Bars(4);

        Assert.Equal(["2026-11-20T14:30:00Z", "2026-11-20T14:31:00Z", "2026-11-20T14:32:00Z", "2026-11-20T14:33:00Z"],
            bars.Select(b => (string)b["t"]!));
    }

    [Fact]
    public async Task Should_redate_the_session()
    {
        var folder = SessionFolder.Write(["AAA"], 1);
        await using var server = await Tradewire.FakeVenue.MarketData.MarketDataServer.Start(new()
        {
            KeyId = DataHarness.KeyId, SecretKey = DataHarness.SecretKey, SessionDirectory = folder.Path,
            Date = new DateOnly(2026, 7, 6), Origin = new DateTimeOffset(2026, 7, 5, 13, 20, 0, TimeSpan.Zero), Speed = 600,
        });
        await using var probe = await StreamProbe.Subscribed(server.StreamUrl(), DataHarness.KeyId, DataHarness.SecretKey, "AAA");
        server.SetClock(new DateTimeOffset(2026, 7, 6, 13, 29, 0, TimeSpan.Zero));
        // 09:30 New York in July is 13:30 UTC (daylight time), not November's 14:30.
        Assert.Equal("2026-07-06T13:30:00Z", (string)(await probe.Bars(1))[0]["t"]!);
        folder.Dispose();
    }
}
