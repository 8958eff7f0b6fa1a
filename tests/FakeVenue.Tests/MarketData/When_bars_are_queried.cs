namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>REST <c>GET /v2/stocks/bars</c>: only published bars, paging across symbols, Alpaca-shaped refusals.</summary>
public sealed class When_bars_are_queried
{
    const string Query = "/v2/stocks/bars?symbols=AAA,BBB,CCC&timeframe=1Min&start=2026-11-20T14:30:00Z&end=2026-11-20T15:00:00Z";

    [Fact]
    public async Task Should_return_only_bars_already_published()
    {
        // Market time starts 30 s into 09:32: the bars of 09:30 and 09:31 are out, 09:32's is due at 09:33:01.
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB"], 5), speed: 1, origin: SessionFolder.Minute(2).AddSeconds(30));
        await h.Journaled(e => e.Kind == "published" && e.Minute == SessionFolder.Minute(1) && e.Symbol == "BBB", "the 09:31 bars");
        var (status, body) = await h.Get("/v2/stocks/bars?symbols=AAA,BBB&timeframe=1Min&start=2026-11-20");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["2026-11-20T14:30:00Z", "2026-11-20T14:31:00Z"], body["bars"]!["AAA"]!.AsArray().Select(b => (string)b!["t"]!));
        Assert.Equal(2, body["bars"]!["BBB"]!.AsArray().Count);
        Assert.Null(body["next_page_token"]);
    }

    [Fact]
    public async Task Should_page_by_symbol_then_minute_across_symbols()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA", "BBB", "CCC"], 5), speed: 1, origin: SessionFolder.Minute(10));
        await h.Journaled(e => e.Kind == "published" && e.Symbol == "CCC" && e.Minute == SessionFolder.Minute(4), "the last bar");
        var seen = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var (status, body) = await h.Get(Query + "&limit=4" + (token is null ? "" : "&page_token=" + Uri.EscapeDataString(token)));
            Assert.Equal(HttpStatusCode.OK, status);
            var page = body["bars"]!.AsObject().SelectMany(p => p.Value!.AsArray().Select(b => $"{p.Key} {(string)b!["t"]!}")).ToList();
            pages.Add(page.Count);
            seen.AddRange(page);
            token = (string?)body["next_page_token"];
        } while (token is not null);

        Assert.Equal([4, 4, 4, 3], pages);
        var expected = new[] { "AAA", "BBB", "CCC" }.SelectMany(s => Enumerable.Range(0, 5).Select(m => $"{s} {SessionFolder.Minute(m):yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Should_sort_descending_within_a_symbol_when_asked()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 3), speed: 1, origin: SessionFolder.Minute(10));
        await h.Journaled(e => e.Kind == "published" && e.Minute == SessionFolder.Minute(2), "the last bar");
        var (_, body) = await h.Get("/v2/stocks/bars?symbols=AAA&timeframe=1Min&start=2026-11-20&sort=desc");
        Assert.Equal("2026-11-20T14:32:00Z", (string)body["bars"]!["AAA"]![0]!["t"]!);
    }

    [Theory]
    [InlineData("&timeframe=5Min", 422, 42210000)]
    [InlineData("&timeframe=60Min", 400, 40010001)]
    [InlineData("&timeframe=banana", 400, 40010001)]
    [InlineData("", 422, 42210000)]
    [InlineData("&timeframe=1Min&limit=0", 422, 42210000)]
    [InlineData("&timeframe=1Min&limit=10001", 422, 42210000)]
    [InlineData("&timeframe=1Min&limit=ten", 400, 40010001)]
    [InlineData("&timeframe=1Min&start=yesterday", 400, 40010001)]
    [InlineData("&timeframe=1Min&start=2026-11-20T15:00:00Z&end=2026-11-20T14:00:00Z", 422, 42210000)]
    [InlineData("&timeframe=1Min&feed=nasdaq", 400, 40010001)]
    [InlineData("&timeframe=1Min&feed=otc", 422, 42210000)]
    [InlineData("&timeframe=1Min&sort=up", 400, 40010001)]
    [InlineData("&timeframe=1Min&adjustment=split", 422, 42210000)]
    [InlineData("&timeframe=1Min&page_token=%%%", 400, 40010001)]
    public async Task Should_refuse_bad_parameters_in_alpaca_error_shape(string parameters, int status, int code)
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 1), speed: 1);
        var (actual, body) = await h.Get("/v2/stocks/bars?symbols=AAA" + parameters);
        Assert.Equal(status, (int)actual);
        Assert.Equal(code, (int)body["code"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
    }

    [Fact]
    public async Task Should_refuse_missing_symbols_and_wrong_keys()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(["AAA"], 1), speed: 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await h.Get("/v2/stocks/bars?timeframe=1Min")).Status);
        using var stranger = new HttpClient { BaseAddress = new Uri(h.Server.BaseUrl) };
        stranger.DefaultRequestHeaders.Add("APCA-API-KEY-ID", DataHarness.KeyId);
        stranger.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "wrong");
        using var response = await stranger.GetAsync("/v2/stocks/bars?symbols=AAA&timeframe=1Min");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(40310000, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!);
    }
}
