using Tradewire.BrokerGateway.Domain;
using Xunit;

namespace Tradewire.BrokerGateway.Tests;

public sealed class When_a_bracket_event_arrives
{
    [Theory]
    [InlineData(BracketState.Requested, BracketEvent.ChildFilled)]
    [InlineData(BracketState.Requested, BracketEvent.EntryFilled)]
    [InlineData(BracketState.EntryWorking, BracketEvent.ChildFilled)]
    [InlineData(BracketState.EntryWorking, BracketEvent.RiskRejected)]
    [InlineData(BracketState.Protected, BracketEvent.EntryAccepted)]
    [InlineData(BracketState.Protected, BracketEvent.EntryCancelled)]
    [InlineData(BracketState.Exiting, BracketEvent.ChildFilled)]
    [InlineData(BracketState.OutcomeUnknown, BracketEvent.ChildFilled)]
    public void Should_refuse_an_illegal_transition(BracketState state, BracketEvent e) =>
        Assert.Null(BracketStateMachine.Next(state, e));

    [Fact]
    public void Should_accept_nothing_in_a_terminal_state()
    {
        foreach (var state in new[] { BracketState.Closed, BracketState.Rejected })
        foreach (var e in Enum.GetValues<BracketEvent>())
            Assert.Null(BracketStateMachine.Next(state, e));
    }

    [Theory]
    [InlineData(BracketState.Requested, BracketEvent.RiskRejected, BracketState.Rejected)]
    [InlineData(BracketState.Requested, BracketEvent.EntryAccepted, BracketState.EntryWorking)]
    [InlineData(BracketState.Requested, BracketEvent.EntryUnanswered, BracketState.OutcomeUnknown)]
    [InlineData(BracketState.OutcomeUnknown, BracketEvent.EntryAccepted, BracketState.EntryWorking)]
    [InlineData(BracketState.EntryWorking, BracketEvent.EntryPartiallyFilled, BracketState.EntryPartial)]
    [InlineData(BracketState.EntryPartial, BracketEvent.EntryFilled, BracketState.Protected)]
    [InlineData(BracketState.EntryWorking, BracketEvent.EntryCancelled, BracketState.Closed)]
    [InlineData(BracketState.Protected, BracketEvent.ChildFilled, BracketState.Closed)]
    [InlineData(BracketState.Protected, BracketEvent.ExitRequested, BracketState.Exiting)]
    [InlineData(BracketState.Exiting, BracketEvent.ExitFilled, BracketState.Closed)]
    public void Should_follow_the_table(BracketState state, BracketEvent e, BracketState expected) =>
        Assert.Equal(expected, BracketStateMachine.Next(state, e));

    [Fact]
    public void Should_derive_client_order_ids_from_the_execution_id_and_role()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("tw-0f8fad5bd9cb469fa16570867728950e-ENTRY", ClientOrderIds.For(id, LegRole.Entry));
        Assert.Equal("tw-0f8fad5bd9cb469fa16570867728950e-STOP", ClientOrderIds.For(id, LegRole.Stop));
        Assert.Equal("ENTRY_PARTIAL", Names.Of(BracketState.EntryPartial));
        Assert.Equal(BracketState.OutcomeUnknown, Names.Parse<BracketState>("OUTCOME_UNKNOWN"));
    }
}

public sealed class When_a_bracket_command_is_assigned_to_a_dispatch_minute
{
    [Theory]
    [InlineData("2026-11-23T14:31:00Z", "2026-11-23T14:30:00Z")]   // the dispatcher's stamp: the minute's close
    [InlineData("2026-11-23T14:30:30Z", "2026-11-23T14:30:00Z")]   // any instant inside the minute
    [InlineData("2026-11-23T14:30:00.001Z", "2026-11-23T14:30:00Z")]
    public void Should_map_to_the_minute_ending_at_or_after_the_decision(string decisionTs, string minute) =>
        Assert.Equal(DateTimeOffset.Parse(minute), Consumers.PlaceBracketOrderConsumer.DispatchMinute(DateTimeOffset.Parse(decisionTs)));
}
