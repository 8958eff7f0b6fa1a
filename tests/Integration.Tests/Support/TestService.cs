namespace Tradewire.Integration.Tests.Support;

/// <summary>A <see cref="ServiceHost"/> on the test-only database (<see cref="TestDbContext"/>: test effects, a counter saga).</summary>
public sealed class TestService : IAsyncDisposable
{
    readonly ServiceHost _host;

    TestService(ServiceHost host) => _host = host;

    public string Name => _host.Name;
    public string ConnectionString => _host.ConnectionString;
    public Microsoft.AspNetCore.Builder.WebApplication App => _host.App;
    public IServiceProvider Services => _host.Services;
    public IBus Bus => _host.Bus;

    /// <summary>A unique service name (queue prefix) for one test.</summary>
    public static string NewName(string prefix) => $"t{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    /// <param name="database">The connection string of an earlier instance's database (a restart); a fresh one when null.</param>
    public static async Task<TestService> Start(string name, Action<IBusRegistrationConfigurator> bus,
        IDictionary<string, string?>? settings = null, string? database = null) =>
        new(await ServiceHost.Start<TestDbContext>(name, bus, settings, database: database));

    public Task<long> Effects(string key) =>
        LocalInfra.Count(ConnectionString, "SELECT count(*) FROM test_effects WHERE key = $1", key);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
