using System.Net.WebSockets;

namespace Tradewire.FakeVenue.Tests.MarketData;

/// <summary>The stream's establishment phase: welcome, auth, the one-connection limit, subscriptions, syntax errors.</summary>
public sealed class When_a_client_connects_to_the_stream
{
    static readonly string[] Symbols = ["AAA", "BBB"];

    [Fact]
    public async Task Should_greet_authenticate_and_list_every_channel_on_subscribe()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        await using var probe = await StreamProbe.Connect(h.Stream);
        Assert.Equal("""[{"T":"success","msg":"connected"}]""", await probe.NextText());
        await probe.Send(new { action = "auth", key = DataHarness.KeyId, secret = DataHarness.SecretKey });
        Assert.Equal("""[{"T":"success","msg":"authenticated"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe", bars = new[] { "AAA" }, updatedBars = new[] { "*" } });
        Assert.Equal(
            """[{"T":"subscription","trades":[],"quotes":[],"bars":["AAA"],"updatedBars":["*"],"dailyBars":[],"statuses":[],"lulds":[]}]""",
            await probe.NextText());
        await probe.Send(new { action = "unsubscribe", bars = new[] { "AAA" } });
        Assert.Equal(
            """[{"T":"subscription","trades":[],"quotes":[],"bars":[],"updatedBars":["*"],"dailyBars":[],"statuses":[],"lulds":[]}]""",
            await probe.NextText());
    }

    [Fact]
    public async Task Should_answer_402_to_wrong_keys_and_close()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        await using var probe = await StreamProbe.Connect(h.Stream);
        await probe.NextText();
        await probe.Send(new { action = "auth", key = DataHarness.KeyId, secret = "wrong" });
        Assert.Equal("""[{"T":"error","code":402,"msg":"auth failed"}]""", await probe.NextText());
        Assert.Null(await probe.NextText());
    }

    [Fact]
    public async Task Should_refuse_a_second_authenticated_connection_with_406_and_keep_the_first()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        await using var first = await h.Subscribed("AAA");
        await using var second = await StreamProbe.Connect(h.Stream);
        await second.NextText();
        await second.Send(new { action = "auth", key = DataHarness.KeyId, secret = DataHarness.SecretKey });
        Assert.Equal("""[{"T":"error","code":406,"msg":"connection limit exceeded"}]""", await second.NextText());
        Assert.Null(await second.NextText());

        await first.Send(new { action = "subscribe", bars = new[] { "BBB" } });
        Assert.Contains("\"bars\":[\"AAA\",\"BBB\"]", await first.NextText());
    }

    [Fact]
    public async Task Should_let_a_new_connection_in_once_the_first_has_closed()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        var first = await h.Subscribed("AAA");
        await first.DisposeAsync();
        await h.Journaled(e => e.Kind == "closed" && e.Connection == 1, "the first connection to close");
        await using var second = await h.Subscribed("AAA");
    }

    [Fact]
    public async Task Should_answer_400_401_and_403_and_keep_the_session()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        await using var probe = await StreamProbe.Connect(h.Stream);
        await probe.NextText();
        await probe.Send(new { action = "subscribe", bars = new[] { "AAA" } });
        Assert.Equal("""[{"T":"error","code":401,"msg":"not authenticated"}]""", await probe.NextText());
        await probe.SendText("{not json");
        Assert.Equal("""[{"T":"error","code":400,"msg":"invalid syntax"}]""", await probe.NextText());
        await probe.Send(new { action = "auth", key = DataHarness.KeyId, secret = DataHarness.SecretKey });
        Assert.Equal("""[{"T":"success","msg":"authenticated"}]""", await probe.NextText());
        await probe.Send(new { action = "auth", key = DataHarness.KeyId, secret = DataHarness.SecretKey });
        Assert.Equal("""[{"T":"error","code":403,"msg":"already authenticated"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe" });
        Assert.Equal("""[{"T":"error","code":400,"msg":"invalid syntax"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe", bars = "AAA" });
        Assert.Equal("""[{"T":"error","code":400,"msg":"invalid syntax"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe", trades = Enumerable.Range(0, 31).Select(i => $"S{i}").ToArray() });
        Assert.Equal("""[{"T":"error","code":405,"msg":"symbol limit exceeded"}]""", await probe.NextText());
        await probe.Send(new { action = "subscribe", bars = new[] { "AAA" } });
        Assert.Contains("\"bars\":[\"AAA\"]", await probe.NextText());
    }

    [Fact]
    public async Task Should_refuse_a_feed_other_than_iex_or_sip()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1);
        await Assert.ThrowsAsync<WebSocketException>(() => StreamProbe.Connect(h.Server.StreamUrl("otc")));
        await using var sip = await StreamProbe.Connect(h.Server.StreamUrl("sip"));
        Assert.Equal("""[{"T":"success","msg":"connected"}]""", await sip.NextText());
    }

    [Fact]
    public async Task Should_time_out_a_connection_that_never_authenticates()
    {
        await using var h = await DataHarness.Start(SessionFolder.Write(Symbols, 2), speed: 1, authTimeout: TimeSpan.FromMilliseconds(300));
        await using var probe = await StreamProbe.Connect(h.Stream);
        await probe.NextText();
        Assert.Equal("""[{"T":"error","code":404,"msg":"auth timeout"}]""", await probe.NextText());
        Assert.Null(await probe.NextText());
    }
}
