using Tradewire.Contracts.Market;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>A paper broker whose first answers to single-order submits are lost (the order did reach it).</summary>
sealed class SilentBroker(PaperBroker inner, int silentSubmits) : IBroker
{
    public int Submits { get; private set; }
    public int OcoSubmits { get; private set; }
    public ExecutionMode ExecutionMode => inner.ExecutionMode;
    public async Task<BrokerAck> Submit(OrderRecord order)
    {
        Submits++;
        var ack = await inner.Submit(order);
        return Submits <= silentSubmits ? new BrokerAck(AckStatus.NoAnswer) : ack;
    }
    public Task<BrokerAck> SubmitOco(OrderRecord stop, OrderRecord target)
    {
        OcoSubmits++;
        return inner.SubmitOco(stop, target);
    }
    public Task<BrokerAck> Cancel(string id) => inner.Cancel(id);
    public Task<IReadOnlyDictionary<string, BrokerOrderView?>> AwaitCancels(IReadOnlyCollection<string> ids) => inner.AwaitCancels(ids);
    public Task<IReadOnlyList<BrokerFill>> ReadFills(DateTimeOffset at) => inner.ReadFills(at);
    public Task<BrokerAck> Amend(string id, decimal? qty, decimal? stop) => inner.Amend(id, qty, stop);
    public Task<BrokerOrderView?> Query(string id) => inner.Query(id);
    public Task<IReadOnlyList<BrokerFill>> OnBars(DateTimeOffset minute, IReadOnlyList<Bar> bars) => inner.OnBars(minute, bars);
    public Task<IReadOnlyList<BrokerFill>> FillMarketOrdersNow(IReadOnlyDictionary<string, decimal> prices, DateTimeOffset at) => inner.FillMarketOrdersNow(prices, at);
}

public sealed class When_the_broker_does_not_answer_a_submit
{
    [Fact]
    public async Task Should_resolve_by_query_and_never_resubmit()
    {
        var silent = new SilentBroker(new PaperBroker(new PaperBrokerOptions { SlippageBps = 0 }), silentSubmits: 1);
        await using var h = new Harness(broker: silent);
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        Assert.Equal(BracketState.OutcomeUnknown, b.State);

        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        Assert.Contains("OUTCOME_RESOLVED", h.RiskCodes);
        Assert.Equal(BracketState.Protected, b.State);
        Assert.Equal(1, silent.Submits);            // the entry once, never resubmitted
        Assert.Equal(1, silent.OcoSubmits);         // then the two legs as one OCO pair
        Assert.Single(h.Book.NewTrades);
    }
}

public sealed class When_the_sweeper_finds_a_broken_invariant
{
    [Fact]
    public async Task Should_cancel_an_orphan_oco_sibling_and_raise_a_risk_event()
    {
        await using var h = new Harness();
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        b.State = BracketState.Closed;    // a defect elsewhere closed the bracket and left its legs working
        h.Book.Positions["AAPL"].Qty = 0;

        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 100m));

        Assert.Equal(2, h.RiskCodes.Count(c => c == "ORPHAN_OCO_SIBLING"));
        Assert.True(MinuteEngineFacts.NoWorkingOrders(h));
    }

    [Fact]
    public async Task Should_resize_a_stop_that_does_not_cover_the_position()
    {
        await using var h = new Harness();
        var b = h.Request();
        await h.Step(h.At(10, 0), h.Flat("AAPL", h.At(10, 0), 100m));
        await h.Step(h.At(10, 1), h.Flat("AAPL", h.At(10, 1), 100m));
        await h.Paper.Amend(b.Id(LegRole.Stop), 4, null);
        h.Order(b, LegRole.Stop).Qty = 4;

        await h.Step(h.At(10, 2), h.Flat("AAPL", h.At(10, 2), 100m));

        Assert.Contains("STOP_QTY_MISMATCH", h.RiskCodes);
        Assert.Equal(10m, h.Order(b, LegRole.Stop).Qty);
        Assert.Equal(10m, (await h.Paper.Query(b.Id(LegRole.Stop)))!.Qty);
    }
}
