namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_two_streams_of_minutes_arrive_out_of_order
{
    static readonly DateOnly Date = new(2026, 11, 20);
    static readonly DateTimeOffset Open = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_act_on_each_complete_minute_once_in_market_time_order()
    {
        var name = TestService.NewName("seq");
        var queue = name + "-sequenced";
        await using var service = await TestService.Start(name, x => x.AddConsumer<SequencedInputConsumer>().Endpoint(e => e.Name = queue));
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + queue));
        SequencedInput Input(string stream, int minute) => new() { Stream = stream, SessionDate = Date, Minute = Open.AddMinutes(minute) };

        // Minute 1 is complete before minute 0; nothing may happen until minute 0 is.
        await send.Send(Input("a", 1));
        await send.Send(Input("b", 1));
        await send.Send(Input("a", 0));
        await Eventually.Until(() => Consumed(service), n => n == 3, what: "three inputs");
        Assert.Equal(0, await Done(service));

        await send.Send(Input("b", 0));
        await Eventually.Until(() => Done(service), n => n == 2, what: "minutes 0 and 1");
        Assert.Equal(1, await service.Effects("done:1:1430:a+b"));
        Assert.Equal(1, await service.Effects("done:2:1431:a+b"));

        // A redelivery of an input of a minute already acted on (a new message id, as after the inbox window) changes nothing.
        await send.Send(Input("a", 0));
        await send.Send(Input("b", 2));
        await send.Send(Input("a", 2));
        await Eventually.Until(() => Done(service), n => n == 3, what: "minute 2");
        Assert.Equal(1, await service.Effects("done:3:1432:a+b"));
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, "SELECT count(*) FROM minute_inputs"));
        Assert.Equal(3, await LocalInfra.Count(service.ConnectionString, "SELECT minutes_done FROM minute_cursor WHERE session_date = $1", Date));
    }

    [Fact]
    public async Task Should_refuse_a_minute_outside_its_session()
    {
        var name = TestService.NewName("seqx");
        var queue = name + "-sequenced";
        await using var service = await TestService.Start(name, x => x.AddConsumer<SequencedInputConsumer>().Endpoint(e => e.Name = queue));
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + queue));
        await send.Send(new SequencedInput { Stream = "a", SessionDate = Date, Minute = Open.AddMinutes(-1) });
        await Eventually.Until(() => RabbitManagement.TakeUntil(queue + "_error", 1, TimeSpan.FromSeconds(30)), m => m.Count == 1, what: "the error queue");
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, "SELECT count(*) FROM minute_inputs"));
    }

    static Task<long> Consumed(TestService s) =>
        LocalInfra.Count(s.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Consumed" IS NOT NULL""");

    static Task<long> Done(TestService s) =>
        LocalInfra.Count(s.ConnectionString, "SELECT count(*) FROM test_effects WHERE key LIKE 'done:%'");
}
