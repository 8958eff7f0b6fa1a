using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tradewire.Contracts.Market;
using Tradewire.Integration.Tests.Messages;
using Tradewire.ServiceDefaults.Watermarks;

namespace Tradewire.Integration.Tests.Support;

/// <summary>A minute-driven consumer: records each tick, and acts once when its minute is complete.</summary>
public sealed class MinuteTickConsumer(TestDbContext db, MinuteWatermarks<TestDbContext> watermarks) :
    IConsumer<MinuteTick>, IConsumer<MinuteClosed>
{
    public async Task Consume(ConsumeContext<MinuteTick> context)
    {
        db.Add(new Effect { Id = NewId.NextGuid(), Key = "tick:" + context.Message.Stream, MessageId = context.MessageId });
        await db.SaveChangesAsync();
        if (await watermarks.Seen(context.Message.Stream, context.Message.Minute))
            await Act(context.Message.Stream);
    }

    public async Task Consume(ConsumeContext<MinuteClosed> context)
    {
        if (await watermarks.Closed(context.Message.Stream, context.Message.Minute, context.Message.Count))
            await Act(context.Message.Stream);
    }

    /// <summary>The minute's action; its key records how many ticks it saw.</summary>
    async Task Act(string stream)
    {
        var ticks = await db.Set<Effect>().CountAsync(e => e.Key == "tick:" + stream);
        db.Add(new Effect { Id = NewId.NextGuid(), Key = $"acted:{stream}:{ticks}" });
        await db.SaveChangesAsync();
    }
}
