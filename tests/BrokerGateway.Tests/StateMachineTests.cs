using Tradewire.BrokerGateway.Saga;
using Tradewire.Contracts;

namespace Tradewire.BrokerGateway.Tests;

/// <summary>
/// The bracket saga (MassTransit state machine) on the mediator with the in-memory saga repository: which events
/// it accepts in which state, and which actions it triggers. Each state is reached by the events that lead to it.
/// </summary>
public sealed class When_a_bracket_event_arrives : IAsyncLifetime
{
    static readonly DateTimeOffset T = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    readonly Guid _id = Guid.NewGuid();
    readonly SagaMediator _sagas = new();
    readonly Recorder _actions = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sagas.DisposeAsync();

    IBracketEvent Make(string name) => name switch
    {
        "Requested" => new BracketRequested(_id, T, "AAPL"),
        "RiskRejected" => new BracketRiskRejected(_id, T, "MAX_GROSS_EXPOSURE"),
        "EntryAccepted" => new BracketEntryAccepted(_id, T),
        "EntryRejected" => new BracketEntryRejected(_id, T, "BROKER_REJECTED"),
        "EntryUnanswered" => new BracketEntryUnanswered(_id, T),
        "EntryPartiallyFilled" => new BracketEntryPartiallyFilled(_id, T, T.AddMinutes(1)),
        "EntryFilled" => new BracketEntryFilled(_id, T, T.AddMinutes(1)),
        "EntryCancelled" => new BracketEntryCancelled(_id, T, "EOD"),
        "ChildFilled" => new BracketChildFilled(_id, T, "tw-x-STOP"),
        "ExitRequested" => new BracketExitRequested(_id, T, "MAX_HOLD", T.AddMinutes(1)),
        "ExitFilled" => new BracketExitFilled(_id, T, "tw-x-EXIT"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Applies the comma-separated events in order; true when the last one was accepted.</summary>
    async Task<bool> Apply(string events)
    {
        var accepted = true;
        foreach (var name in events.Split(','))
            accepted = await _sagas.Lifecycle.Raise(_actions, Make(name.Trim()));
        return accepted;
    }

    const string ToRequested = "Requested";
    const string ToEntryWorking = "Requested,EntryAccepted";
    const string ToProtected = "Requested,EntryAccepted,EntryFilled";
    const string ToExiting = "Requested,EntryAccepted,EntryFilled,ExitRequested";
    const string ToOutcomeUnknown = "Requested,EntryUnanswered";

    [Theory]
    [InlineData(ToRequested, "ChildFilled")]
    [InlineData(ToRequested, "EntryFilled")]
    [InlineData(ToEntryWorking, "ChildFilled")]
    [InlineData(ToEntryWorking, "RiskRejected")]
    [InlineData(ToProtected, "EntryAccepted")]
    [InlineData(ToProtected, "EntryCancelled")]
    [InlineData(ToExiting, "ChildFilled")]
    [InlineData(ToOutcomeUnknown, "ChildFilled")]
    public async Task Should_refuse_an_illegal_transition(string path, string illegal)
    {
        Assert.True(await Apply(path));
        var before = _actions.State;
        Assert.False(await Apply(illegal));
        Assert.Equal(before, _actions.State);
        Assert.Equal($"Refused:{before}:Bracket{illegal}", _actions.Log[^1]);
    }

    [Theory]
    [InlineData("Requested,RiskRejected")]
    [InlineData("Requested,EntryAccepted,EntryFilled,ChildFilled")]
    public async Task Should_accept_nothing_in_a_terminal_state(string path)
    {
        Assert.True(await Apply(path));
        var terminal = _actions.State;
        foreach (var name in new[] { "RiskRejected", "EntryAccepted", "EntryRejected", "EntryUnanswered", "EntryPartiallyFilled", "EntryFilled",
                     "EntryCancelled", "ChildFilled", "ExitRequested", "ExitFilled" })
            Assert.False(await Apply(name));
        Assert.Equal(terminal, _actions.State);
    }

    [Theory]
    [InlineData("Requested,RiskRejected", "Rejected", "CloseRejected:MAX_GROSS_EXPOSURE")]
    [InlineData("Requested,EntryAccepted", "EntryWorking", null)]
    [InlineData("Requested,EntryRejected", "Rejected", "CloseRejected:BROKER_REJECTED")]
    [InlineData("Requested,EntryUnanswered", "OutcomeUnknown", null)]
    [InlineData("Requested,EntryUnanswered,EntryAccepted", "EntryWorking", null)]
    [InlineData("Requested,EntryUnanswered,EntryFilled", "Protected", "Protect")]
    [InlineData("Requested,EntryAccepted,EntryPartiallyFilled", "EntryPartial", "Protect")]
    [InlineData("Requested,EntryAccepted,EntryPartiallyFilled,EntryPartiallyFilled", "EntryPartial", "Protect")]
    [InlineData("Requested,EntryAccepted,EntryPartiallyFilled,EntryFilled", "Protected", "Protect")]
    [InlineData("Requested,EntryAccepted,EntryPartiallyFilled,ChildFilled", "Closed", "CloseOnChildFill:tw-x-STOP")]
    [InlineData("Requested,EntryAccepted,EntryCancelled", "Closed", "CloseCancelled:EOD")]
    [InlineData("Requested,EntryAccepted,EntryFilled,ChildFilled", "Closed", "CloseOnChildFill:tw-x-STOP")]
    [InlineData("Requested,EntryAccepted,EntryFilled,ExitRequested", "Exiting", "Exit:MAX_HOLD")]
    [InlineData("Requested,EntryAccepted,EntryFilled,ExitRequested,ExitFilled", "Closed", "CloseOnExitFill:tw-x-EXIT")]
    public async Task Should_follow_the_lifecycle(string path, string expected, string? lastAction)
    {
        Assert.True(await Apply(path));
        Assert.Equal(expected, _actions.State);
        // An action runs after the transition; a transition without one leaves the state entry last.
        Assert.Equal(lastAction ?? $"Entered:{expected}", _actions.Log[^1]);
        Assert.Equal(expected, await _sagas.StateOf(_id));
    }

    [Fact]
    public async Task Should_ignore_a_redelivered_request()
    {
        Assert.True(await Apply("Requested,EntryAccepted,Requested"));
        Assert.Equal("EntryWorking", _actions.State);
    }

    [Fact]
    public async Task Should_refuse_an_event_for_a_bracket_it_never_saw()
    {
        Assert.False(await Apply("EntryFilled"));
        Assert.Equal("Refused:NONE:BracketEntryFilled", Assert.Single(_actions.Log));
    }

    /// <summary>Records the actions the saga asks for, and the state it last entered.</summary>
    sealed class Recorder : IBracketActions
    {
        public List<string> Log { get; } = [];
        public string? State { get; private set; }

        public void Entered(Guid executionId, string state)
        {
            State = state;
            Log.Add($"Entered:{state}");
        }

        public Task Protect(Guid executionId, DateTimeOffset eligibleFrom) => Logged("Protect");
        public Task CloseOnChildFill(Guid executionId, string childClientOrderId, DateTimeOffset at) => Logged($"CloseOnChildFill:{childClientOrderId}");
        public void CloseOnExitFill(Guid executionId, string exitClientOrderId, DateTimeOffset at) => Log.Add($"CloseOnExitFill:{exitClientOrderId}");
        public Task CloseCancelled(Guid executionId, string reason, DateTimeOffset at) => Logged($"CloseCancelled:{reason}");
        public void CloseRejected(Guid executionId, string reason, DateTimeOffset at) => Log.Add($"CloseRejected:{reason}");
        public Task Exit(Guid executionId, string reason, DateTimeOffset eligibleFrom, DateTimeOffset at) => Logged($"Exit:{reason}");
        public void Refused(Guid executionId, string state, string eventName, DateTimeOffset at) => Log.Add($"Refused:{state}:{eventName}");

        Task Logged(string entry)
        {
            Log.Add(entry);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void Should_derive_client_order_ids_from_the_execution_id_and_role()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("tw-0f8fad5bd9cb469fa16570867728950e-ENTRY", ClientOrderIds.For(id, LegRole.Entry));
        Assert.Equal("tw-0f8fad5bd9cb469fa16570867728950e-STOP", ClientOrderIds.For(id, LegRole.Stop));
        Assert.Equal("ENTRY_PARTIAL", Wire.Name(BracketState.EntryPartial));
        Assert.Equal(BracketState.OutcomeUnknown, Wire.Parse<BracketState>("OUTCOME_UNKNOWN"));
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
