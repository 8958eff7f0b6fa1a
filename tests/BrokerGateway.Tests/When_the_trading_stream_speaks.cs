using System.Text;
using Tradewire.BrokerGateway.Broker.Alpaca;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>The trading stream's address and the messages the gateway reads from it (trading-api/streaming.md).</summary>
public sealed class When_the_trading_stream_speaks
{
    static TradeStreamMessage? Parse(string json) => TradeStreamMessage.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("https://paper-api.alpaca.markets", null, "wss://paper-api.alpaca.markets/stream")]
    [InlineData("https://api.alpaca.markets/", null, "wss://api.alpaca.markets/stream")]
    [InlineData("http://127.0.0.1:5080", null, "ws://127.0.0.1:5080/stream")]
    [InlineData("https://paper-api.alpaca.markets", "wss://elsewhere.example/stream", "wss://elsewhere.example/stream")]
    [InlineData(null, null, null)]
    public void Should_find_the_stream_next_to_the_rest_api(string? baseUrl, string? streamUrl, string? expected) =>
        Assert.Equal(expected, new AlpacaOptions { BaseUrl = baseUrl, StreamUrl = streamUrl }.TradeStreamUri()?.ToString());

    [Fact]
    public void Should_read_authorization_listening_and_a_fill_event()
    {
        Assert.Equal(("authorization", "authorized"), Parse("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""") is { } a ? (a.Stream, a.Status) : default);
        Assert.Equal(["trade_updates"], Parse("""{"stream":"listening","data":{"streams":["trade_updates"]}}""")!.Streams);

        var fill = Parse("""
            {"stream":"trade_updates","data":{"event":"fill","execution_id":"e1","timestamp":"2026-11-23T14:31:00Z","price":"110",
             "qty":"10","position_qty":"0","order":{"id":"o1","client_order_id":"x-target","status":"filled","filled_qty":"10"}}}
            """)!;
        Assert.True(fill.IsFill);
        Assert.Equal(("fill", "x-target"), (fill.Event, fill.ClientOrderId));
        Assert.True(Parse("""{"stream":"trade_updates","data":{"event":"partial_fill","order":{"client_order_id":"x"}}}""")!.IsFill);
    }

    [Theory]
    [InlineData("""{"stream":"trade_updates","data":{"event":"new","order":{"client_order_id":"x"}}}""")]
    [InlineData("""{"stream":"trade_updates","data":{"event":"canceled","order":{"client_order_id":"x"}}}""")]
    [InlineData("""{"stream":"trade_updates","data":{"event":"order_replace_rejected","order":{"client_order_id":"x"}}}""")]
    [InlineData("""{"stream":"listening","data":{"streams":["fill"]}}""")]
    public void Should_not_take_other_events_for_a_fill(string json) => Assert.False(Parse(json)!.IsFill);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"data":{"event":"fill"}}""")]
    public void Should_skip_what_is_not_a_stream_message(string json) => Assert.Null(Parse(json));
}
