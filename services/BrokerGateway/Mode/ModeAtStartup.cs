using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.Contracts.Execution;

namespace Tradewire.BrokerGateway.Mode;

/// <summary>
/// At start-up, before any message is consumed: <c>Broker:Mode=LIVE</c> asks for LIVE through the same checks as
/// <c>POST /mode</c> (the deployment setting stands in for the phrase), and a refusal stops the start with its reason.
/// Then the mode in force is announced (<c>TradingModeChanged</c>), so the dispatcher follows it. The stored mode is
/// kept across restarts: <c>Broker:Mode=PAPER</c>, the default, never undoes a stored LIVE (that is <c>POST /mode</c>).
/// </summary>
public sealed class ModeAtStartup(IServiceProvider services, IOptions<BrokerOptions> options, ILogger<ModeAtStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var modes = scope.ServiceProvider.GetRequiredService<ModeSwitch>();
        if (options.Value.RequestedMode == ExecutionMode.Live)
        {
            var outcome = await modes.Switch(ExecutionMode.Live, "config:Broker:Mode", "Broker:Mode=LIVE at start-up");
            if (outcome.Refusal is { } refusal)
                throw new InvalidOperationException($"Broker:Mode=LIVE refused: {refusal.Code}: {refusal.Message}");
        }
        var current = await modes.Announce("startup");
        log.LogInformation("Trading mode {Mode} (version {Version})", current.Mode, current.Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
