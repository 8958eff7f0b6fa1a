using MassTransit;
using Tradewire.Contracts.Market;
using Tradewire.Integration.Tests.Messages;
using Tradewire.Integration.Tests.Support;
using Xunit;

namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_a_minutes_watermark_arrives_before_its_last_message
{
    [Fact]
    public async Task Should_wait_for_it_and_act_once_on_the_complete_minute()
    {
        var name = TestService.NewName("wm");
        var queue = name + "-minute";
        await using var service = await TestService.Start(name, x => x.AddConsumer<MinuteTickConsumer>().Endpoint(e => e.Name = queue));
        var stream = "ticks-" + Guid.NewGuid().ToString("N")[..8];
        var minute = new DateTimeOffset(2026, 11, 20, 15, 31, 0, TimeSpan.Zero);
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + queue));

        // Reordered on purpose: two ticks, then the watermark announcing three, then the third tick.
        await send.Send(new MinuteTick { Stream = stream, Minute = minute });
        await send.Send(new MinuteTick { Stream = stream, Minute = minute });
        await send.Send(new MinuteClosed { Stream = stream, Minute = minute, Count = 3 });
        await Eventually.Until(() => Handled(service), n => n == 3, what: "two ticks and the watermark");
        Assert.Equal(0, await Acted(service, stream));

        await send.Send(new MinuteTick { Stream = stream, Minute = minute });
        await Eventually.Until(() => Acted(service, stream), n => n == 1, what: "the minute's action");
        await Eventually.Until(() => Handled(service), n => n == 4, what: "all four messages");

        Assert.Equal(1, await service.Effects($"acted:{stream}:3"));
        Assert.Equal(1, await Acted(service, stream));
    }

    static Task<long> Handled(TestService s) =>
        LocalInfra.Count(s.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Consumed" IS NOT NULL""");

    static Task<long> Acted(TestService s, string stream) =>
        LocalInfra.Count(s.ConnectionString, "SELECT count(*) FROM test_effects WHERE key LIKE $1", $"acted:{stream}:%");
}
