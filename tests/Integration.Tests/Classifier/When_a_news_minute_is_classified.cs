using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.Classifier.Consumers;
using Tradewire.Contracts.News;

namespace Tradewire.Integration.Tests.Classifier;

public sealed class When_a_news_minute_is_classified
{
    static NewsItem Item(string title, string? summary = null) => new()
    {
        NewsId = Guid.NewGuid(), Source = "it-test", ExternalId = Guid.NewGuid().ToString("N"), Title = title,
        Summary = summary, PublishedAt = new DateTimeOffset(2025, 3, 4, 14, 30, 12, TimeSpan.Zero), PublishedAtInferred = false,
    };

    [Fact]
    public async Task Should_store_one_row_per_item_and_publish_one_message_in_input_order_even_when_redelivered()
    {
        var name = TestService.NewName("cls");
        await using var service = await ClassifierTestService.Start(name, x =>
        {
            x.AddConsumer<NewsMinuteClosedConsumer>(typeof(MinuteBatchDefinition<NewsMinuteClosedConsumer>)).Endpoint(e => e.Name = name + "-news-minute");
            x.AddConsumer<NewsClassifiedCapture>().Endpoint(e => e.Name = name + "-capture");
        });
        var session = RandomSession();
        var minute = session.OpenUtc;
        NewsItem[] items =
        [
            Item("Apple shares soar after record quarterly profit beats estimates", "NASDAQ:AAPL leads the tape."),
            Item("It is now all about the Fed"),
            Item("Goldman Sachs downgraded to sell, price target cut; stock falls", "Rival JPMorgan unchanged."),
        ];
        var message = new NewsMinuteClosed { SessionDate = session.Date, Minute = minute, Items = items };
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + name + "-news-minute"));

        // The same minute twice under different message ids (a redelivery the inbox cannot recognise), then the
        // next minute: the sequencer has moved past the first one, so it is classified and published once.
        await send.Send(message);
        await send.Send(message);
        await send.Send(new NewsMinuteClosed { SessionDate = session.Date, Minute = minute.AddMinutes(1), Items = [] });
        await Eventually.Until(() => Task.FromResult(NewsClassifiedCapture.Received.Count(m => m.Minute == minute.AddMinutes(1))), n => n == 1,
            what: "the next minute's NewsClassified");
        Assert.Single(Ours(items));

        Assert.Equal(3, await LocalInfra.Count(service.ConnectionString, "SELECT count(*) FROM inbound_events_classified"));
        Assert.Equal(3, await LocalInfra.Count(service.ConnectionString,
            "SELECT count(DISTINCT news_id) FROM inbound_events_classified WHERE minute = $1", minute));

        var published = Ours(items);
        Assert.All(published, p => Assert.Equal(minute, p.Minute));
        Assert.Equal(items.Select(i => i.NewsId), published[0].Items.Select(i => i.NewsId));

        var first = published[0].Items;
        Assert.Equal(["AAPL"], first[0].Tickers);
        Assert.Equal("bullish", first[0].Label);
        Assert.Empty(first[1].Tickers);
        Assert.Equal(["GS", "JPM"], first[2].Tickers);
        Assert.Equal("bearish", first[2].Label);

        // The stored row matches the published item.
        Assert.Equal("AAPL", await LocalInfra.Scalar<string>(service.ConnectionString,
            "SELECT array_to_string(tickers, ',') FROM inbound_events_classified WHERE news_id = $1", items[0].NewsId));
        Assert.Equal(first[2].Score, await LocalInfra.Scalar<decimal>(service.ConnectionString,
            "SELECT sentiment_score FROM inbound_events_classified WHERE news_id = $1", items[2].NewsId));
        Assert.Equal(first[0].ModelVersion, await LocalInfra.Scalar<string>(service.ConnectionString,
            "SELECT model_version FROM inbound_events_classified WHERE news_id = $1", items[0].NewsId));
    }

    [Fact]
    public async Task Should_publish_an_empty_minute_and_store_nothing()
    {
        var name = TestService.NewName("cle");
        await using var service = await ClassifierTestService.Start(name, x =>
        {
            x.AddConsumer<NewsMinuteClosedConsumer>(typeof(MinuteBatchDefinition<NewsMinuteClosedConsumer>)).Endpoint(e => e.Name = name + "-news-minute");
            x.AddConsumer<NewsClassifiedCapture>().Endpoint(e => e.Name = name + "-capture");
        });
        // A session no other test is likely to use, so the capture can pick its minute out.
        var session = RandomSession();
        var minute = session.OpenUtc;
        var send = await service.Bus.GetSendEndpoint(new Uri("queue:" + name + "-news-minute"));
        await send.Send(new NewsMinuteClosed { SessionDate = session.Date, Minute = minute, Items = [] });

        await Eventually.Until(() => Task.FromResult(NewsClassifiedCapture.Received.Count(m => m.Minute == minute && m.Items.Count == 0)),
            n => n == 1, what: "the empty NewsClassified");
        Assert.Equal(0, await LocalInfra.Count(service.ConnectionString, "SELECT count(*) FROM inbound_events_classified"));
    }

    static NewsClassified[] Ours(NewsItem[] items) =>
        NewsClassifiedCapture.Received.Where(m => m.Items.Count > 0 && m.Items[0].NewsId == items[0].NewsId).ToArray();

    static TradingSession RandomSession()
    {
        var calendar = new NyseCalendar();
        var day = new DateOnly(2024, 1, 2).AddDays(Random.Shared.Next(0, 1400));
        return calendar.GetSession(day) ?? calendar.NextSession(day);
    }
}
