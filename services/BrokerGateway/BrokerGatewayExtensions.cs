using MassTransit;
using Microsoft.Extensions.Options;
using Tradewire.BrokerGateway.Broker;
using Tradewire.BrokerGateway.Consumers;
using Tradewire.BrokerGateway.Engine;
using Tradewire.BrokerGateway.Http;
using Tradewire.BrokerGateway.Risk;
using Tradewire.BrokerGateway.Saga;
using Tradewire.ServiceDefaults.Messaging.Sagas;

namespace Tradewire.BrokerGateway;

/// <summary>Registration shared by Program and the integration tests' host.</summary>
public static class BrokerGatewayExtensions
{
    /// <summary>
    /// Consumers with explicit queue names: <c>broker-gateway-place-bracket-order</c> (the dispatcher sends to it
    /// by name), <c>-minute-bars-closed</c>, <c>-dispatch-run-completed</c>. Tests pass their own prefix and
    /// <paramref name="subscribe"/> = false: their inputs are sent to the queues directly, and a queue bound to the
    /// message exchanges would also receive every other test's bars and dispatcher runs of the same market minutes.
    /// </summary>
    public static void AddBrokerGatewayConsumers(this IBusRegistrationConfigurator x, string queuePrefix = "broker-gateway", bool subscribe = true)
    {
        x.AddConsumer<PlaceBracketOrderConsumer>().Endpoint(e => e.Name = $"{queuePrefix}-place-bracket-order");
        x.AddConsumer<MinuteBarsClosedConsumer>().Endpoint(e =>
        {
            e.Name = $"{queuePrefix}-minute-bars-closed";
            e.ConfigureConsumeTopology = subscribe;
        });
        x.AddConsumer<DispatchRunCompletedConsumer>().Endpoint(e =>
        {
            e.Name = $"{queuePrefix}-dispatch-run-completed";
            e.ConfigureConsumeTopology = subscribe;
        });
    }

    public static IHostApplicationBuilder AddBrokerGateway(this IHostApplicationBuilder builder)
    {
        var risk = builder.Configuration.GetSection("Risk");
        var renamed = RiskLimits.RenamedKeys(risk).ToList();
        builder.Services.AddOptions<RiskLimits>().Bind(risk).Validate(_ => renamed.Count == 0, string.Join("; ", renamed)).ValidateOnStart();
        builder.Services.Configure<PaperBrokerOptions>(builder.Configuration.GetSection("PaperBroker"));
        // A LIVE gateway without its venue (URL, key pair) must not start: the problems are listed at start-up.
        builder.Services.AddOptions<BrokerOptions>().Bind(builder.Configuration.GetSection("Broker"))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidation>();
        // The paper account's key id, when the environment has Alpaca's APCA_API_KEY_ID: LIVE must not use it.
        builder.Services.PostConfigure<BrokerOptions>(o => o.PaperKeyId ??= builder.Configuration["APCA_API_KEY_ID"]);
        builder.Services.AddHttpClient(BrokerFactory.AlpacaClient, (sp, http) =>
        {
            var alpaca = sp.GetRequiredService<IOptions<BrokerOptions>>().Value.Alpaca;
            if (alpaca.BaseUrl is { } url)
                http.BaseAddress = new Uri(url.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", alpaca.KeyId);
            http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", alpaca.SecretKey);
            http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own limit (Broker:Alpaca:RequestTimeout)
        });
        builder.Services.AddSingleton<BrokerFactory>();
        builder.Services.Configure<EngineOptions>(builder.Configuration.GetSection("EndOfDay"));
        builder.Services.AddScoped<MinuteStep>();
        builder.Services.AddScoped<BracketLifecycle>();
        // The bracket saga runs on the in-process mediator, in the caller's scope and transaction (see BracketLifecycle),
        // and is persisted in bracket_sagas by the shared EF Core saga repository.
        builder.Services.AddMediator(x => x.AddSagaStateMachine<BracketSaga, BracketSagaState>()
            .TradewireRepository<BracketSagaState, BrokerGatewayDbContext>());
        builder.Services.AddScoped<TradingControl>();
        builder.Services.AddScoped<KillSwitch>();
        builder.Services.AddScoped<LedgerQueries>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddScoped<ServiceDefaults.Metrics.IMetricsRefresh, GatewayMetricsRefresh>();
        builder.Services.AddScoped<Venue.VenueReader>();
        builder.Services.AddScoped<Mode.ModeSwitch>();
        builder.Services.AddSingleton<KillSwitchSetting>();
        // Registered before the bus (AddServiceBus comes after): hosted services start in order, so the mode is
        // settled and announced, and a KILL_SWITCH=1 start halts and flattens, before any minute is consumed.
        builder.Services.AddHostedService<Mode.ModeAtStartup>();
        builder.Services.AddHostedService<KillSwitchAtStartup>();
        builder.Services.AddHostedService<KillSwitchWatch>();
        builder.Services.AddScoped<Venue.VenueReconciler>();
        builder.Services.AddHostedService<Venue.ReconciliationLoop>();
        // Fills streamed by the venue (trade_updates) are booked between minutes through the minute step's fill path.
        builder.Services.AddScoped<Venue.VenueFillCatchUp>();
        builder.Services.AddSingleton<Venue.VenueFillWake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Venue.VenueFillWake>());
        builder.Services.AddHostedService<Broker.Alpaca.AlpacaTradeStream>();
        return builder;
    }
}

/// <summary>Reports every problem of the Broker section by name, not just "invalid".</summary>
sealed class BrokerOptionsValidation : IValidateOptions<BrokerOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
