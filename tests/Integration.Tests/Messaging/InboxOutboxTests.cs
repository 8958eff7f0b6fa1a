namespace Tradewire.Integration.Tests.Messaging;

public sealed class When_a_message_is_delivered_twice
{
    [Fact]
    public async Task Should_change_the_database_once_and_publish_once()
    {
        var upName = TestService.NewName("dup");
        await using var downstream = await TestService.Start(TestService.NewName("dupdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var upstream = await TestService.Start(upName, x => x.AddConsumer<RecordEffectConsumer>());
        var key = "dup-" + Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await upstream.Bus.Publish(new EffectRequested { Key = key }, c => c.MessageId = messageId);
        await Eventually.Until(() => downstream.Effects("downstream:" + key), n => n == 1, what: "first delivery downstream");
        var receives = await ReceiveCount(upstream, messageId);

        await upstream.Bus.Publish(new EffectRequested { Key = key }, c => c.MessageId = messageId);
        await Eventually.Until(() => ReceiveCount(upstream, messageId), n => n > receives, what: "the duplicate to be received");

        Assert.Equal(1, await upstream.Effects(key));
        Assert.Equal(1, await downstream.Effects("downstream:" + key));
        Assert.Equal(1, await LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "MessageId" = $1""", messageId));
    }

    static Task<long> ReceiveCount(TestService service, Guid messageId) => LocalInfra.Count(service.ConnectionString,
        """SELECT coalesce(max("ReceiveCount"), -1) FROM "InboxState" WHERE "MessageId" = $1 AND "Delivered" IS NOT NULL""", messageId);
}

public sealed class When_a_consumer_throws_after_writing
{
    [Fact]
    public async Task Should_leave_no_rows_no_outbox_messages_and_publish_nothing()
    {
        var upName = TestService.NewName("rb");
        await using var downstream = await TestService.Start(TestService.NewName("rbdown"), x => x.AddConsumer<EffectRecordedConsumer>());
        await using var upstream = await TestService.Start(upName, x => x.AddConsumer<RecordEffectConsumer>().Endpoint(e => e.Name = upName + "-record-effect"));
        var key = "rollback-" + Guid.NewGuid();

        await upstream.Bus.Publish(new EffectRequested { Key = key, Fail = true });
        await Eventually.Until(() => RabbitManagement.MessagesIn(upName + "-record-effect_error"), n => n >= 1, TimeSpan.FromSeconds(60), "the error queue");

        Assert.Equal(0, await upstream.Effects(key));
        Assert.Equal(0, await LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "OutboxMessage" """));
        Assert.Equal(0, await LocalInfra.Count(upstream.ConnectionString, """SELECT count(*) FROM "InboxState" WHERE "Consumed" IS NOT NULL"""));
        Assert.Equal(0, await downstream.Effects("downstream:" + key));
    }
}

public sealed class When_a_message_is_poison
{
    [Fact]
    public async Task Should_land_in_the_error_queue_with_the_exception_and_not_block_the_next()
    {
        var name = TestService.NewName("poison");
        var queue = name + "-record-effect";
        await using var service = await TestService.Start(name, x => x.AddConsumer<RecordEffectConsumer>().Endpoint(e => e.Name = queue));
        var bad = "poison-" + Guid.NewGuid();
        var good = "good-" + Guid.NewGuid();

        await service.Bus.Publish(new EffectRequested { Key = bad, Fail = true });
        await service.Bus.Publish(new EffectRequested { Key = good });

        await Eventually.Until(() => service.Effects(good), n => n == 1, what: "the good message");
        var faulted = Assert.Single(await RabbitManagement.TakeUntil(queue + "_error", 1, TimeSpan.FromSeconds(60)));
        var headers = faulted.GetProperty("properties").GetProperty("headers");
        Assert.Contains("failed on purpose", headers.GetProperty("MT-Fault-Message").GetString());
        Assert.Contains(bad, faulted.GetProperty("payload").GetString());
        Assert.Equal(0, await service.Effects(bad));
    }
}
