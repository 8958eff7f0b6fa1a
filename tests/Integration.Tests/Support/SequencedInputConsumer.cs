using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Sequencing;

namespace Tradewire.Integration.Tests.Support;

/// <summary>Joins streams "a" and "b" per minute; records each completed minute with its position in the order of completion.</summary>
public sealed class SequencedInputConsumer(TestDbContext db, MinuteSequencer<TestDbContext> sequencer) : IConsumer<SequencedInput>
{
    public async Task Consume(ConsumeContext<SequencedInput> context)
    {
        var m = context.Message;
        foreach (var minute in await sequencer.Offer(m.Stream, m.SessionDate, m.Minute, m, ["a", "b"]))
        {
            var position = await db.Set<Effect>().CountAsync(e => e.Key.StartsWith("done:")) + 1;
            var inputs = string.Join("+", minute.Inputs.Keys.Order().Select(k => minute.Get<SequencedInput>(k).Stream));
            db.Add(new Effect { Id = NewId.NextGuid(), Key = $"done:{position}:{minute.Minute:HHmm}:{inputs}" });
            await db.SaveChangesAsync();
        }
    }
}
