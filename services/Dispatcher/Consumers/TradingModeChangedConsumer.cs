using MassTransit;
using Tradewire.Contracts.Execution;
using Tradewire.Dispatcher.Persistence;
using Tradewire.ServiceDefaults.Messaging;

namespace Tradewire.Dispatcher.Consumers;

/// <summary>
/// Follows the broker-gateway's trading mode: the next execution and command are stamped with it. An older or
/// repeated version changes nothing (the gateway announces its mode again at every start). In the window before
/// this event arrives, commands still carry the old mode and the gateway refuses them (EXECUTION_MODE_MISMATCH):
/// never traded in the wrong mode.
/// </summary>
public sealed class TradingModeChangedConsumer(DispatcherDbContext db, ILogger<TradingModeChangedConsumer> log) : IConsumer<TradingModeChanged>
{
    public async Task Consume(ConsumeContext<TradingModeChanged> context)
    {
        var m = context.Message;
        if (!Enum.IsDefined(m.Mode) || m.Version < 0)
            throw new MessageValidationException(nameof(TradingModeChanged), [$"mode must be PAPER or LIVE and version >= 0, not {m.Mode} / {m.Version}"]);
        if (await TradingModeStore.Apply(db, m.Mode, m.Version, m.Actor, m.At, context.CancellationToken))
            log.LogWarning("Trading mode is now {Mode} (version {Version}, by {Actor}: {Reason})", m.Mode, m.Version, m.Actor, m.Reason);
    }
}
