using Tradewire.Ingest.Live.Alpaca;

namespace Tradewire.FakeVenue.Tests.AlpacaClient;

/// <summary>The client's frame parser: Alpaca's documented shapes are read, anything else is Malformed, nothing throws.</summary>
public sealed class When_stream_frames_are_parsed
{
    static readonly DateTimeOffset Now = new(2026, 11, 20, 14, 31, 1, TimeSpan.Zero);

    static StreamMessage One(string frame) => Assert.Single(AlpacaFrameParser.Parse(frame, Now));

    [Fact]
    public void Should_read_control_messages()
    {
        Assert.Equal(new StreamMessage.Success("connected"), One("""[{"T":"success","msg":"connected"}]"""));
        Assert.Equal(new StreamMessage.Error(406, "connection limit exceeded"), One("""[{"T":"error","code":406,"msg":"connection limit exceeded"}]"""));
        Assert.Equal(["AAPL"], Assert.IsType<StreamMessage.Subscription>(One("""[{"T":"subscription","trades":[],"bars":["AAPL"]}]""")).Bars);
    }

    [Fact]
    public void Should_read_bars_and_updated_bars_with_nanosecond_times_and_optional_n_vw()
    {
        var messages = AlpacaFrameParser.Parse(
            """[{"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z","n":5,"vw":389.0},""" +
            """{"T":"u","S":"SPY","o":1,"h":2,"l":0.5,"c":1.5,"v":7,"t":"2021-02-22T19:15:00.000000000Z"}]""", Now);
        var bar = Assert.IsType<StreamMessage.Bar>(messages[0]).Value;
        Assert.Equal(new Tradewire.Ingest.Live.FeedBar("SPY", new DateTimeOffset(2021, 2, 22, 19, 15, 0, TimeSpan.Zero),
            388.985m, 389.13m, 388.975m, 389.12m, 49378, 5, 389.0m, false, Now), bar);
        var updated = Assert.IsType<StreamMessage.Bar>(messages[1]).Value;
        Assert.True(updated.Updated);
        Assert.Null(updated.TradeCount);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"T":"success","msg":"connected"}""")]
    [InlineData("""[42]""")]
    [InlineData("""[{"msg":"no type"}]""")]
    [InlineData("""[{"T":"error","msg":"no code"}]""")]
    [InlineData("""[{"T":"b","o":1,"h":1,"l":1,"c":1,"v":1,"t":"2021-02-22T19:15:00Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":null,"v":1,"t":"2021-02-22T19:15:00Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":"1","h":1,"l":1,"c":1,"v":1,"t":"2021-02-22T19:15:00Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":1,"v":1.5,"t":"2021-02-22T19:15:00Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":1,"t":"2021-02-22T19:15:00Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":1,"v":1,"t":"2021-02-22T19:15:30Z"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":1,"v":1,"t":"2021-02-22"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1,"h":1,"l":1,"c":1,"v":1,"t":"2021-02-22T19:15:00Z","vw":"x"}]""")]
    [InlineData("""[{"T":"b","S":"X","o":1e400,"h":1,"l":1,"c":1,"v":1,"t":"2021-02-22T19:15:00Z"}]""")]
    public void Should_call_a_broken_frame_malformed_without_throwing(string frame)
    {
        Assert.IsType<StreamMessage.Malformed>(One(frame));
    }

    [Fact]
    public void Should_skip_types_it_did_not_ask_for()
    {
        Assert.Equal(new StreamMessage.Other("t"), One("""[{"T":"t","S":"AAPL","i":96921,"x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z"}]"""));
    }

    [Fact]
    public void Should_keep_bad_values_for_the_session_runner_to_judge()
    {
        var bar = Assert.IsType<StreamMessage.Bar>(One("""[{"T":"b","S":"X","o":5,"h":1,"l":2,"c":-3,"v":-5,"t":"2021-02-22T19:15:00Z"}]""")).Value;
        Assert.Equal((1m, 2m, -3m, -5L), (bar.High, bar.Low, bar.Close, bar.Volume));
    }
}
