using Npgsql;

namespace Tradewire.ServiceDefaults.Database;

/// <summary>
/// Closes the service's pooled database connections when the host stops. Registered before the bus, so it stops
/// after it (hosted services stop in reverse order). A service process exits anyway; a host inside a test process
/// would otherwise leave its idle connections open for minutes, and many such hosts exhaust the server's limit.
/// </summary>
sealed class ConnectionPoolReleaser(string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
        return Task.CompletedTask;
    }
}
