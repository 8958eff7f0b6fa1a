using MassTransit;
using Npgsql;

namespace Tradewire.Cli;

/// <summary>
/// The local infrastructure's addresses and secrets, read from the env file <c>scripts/infra.sh up</c> writes
/// (KEY=VALUE lines, mode 600). Secrets stay in that file and in child-process environments, never in output.
/// </summary>
public sealed class InfraEnvironment(IReadOnlyDictionary<string, string> values)
{
    public static InfraEnvironment Load(RepoPaths paths)
    {
        if (!File.Exists(paths.EnvFile))
            throw new InvalidOperationException($"No infrastructure environment at {paths.EnvFile}: run ./tradewire infra up first.");
        var values = File.ReadAllLines(paths.EnvFile)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"', '\''));
        return new InfraEnvironment(values);
    }

    public string this[string key] => values.TryGetValue(key, out var v) ? v
        : throw new InvalidOperationException($"The infrastructure env file lacks {key}; run ./tradewire infra up again.");

    public string PgHost => this["TRADEWIRE_PG_HOST"];
    public int PgPort => int.Parse(this["TRADEWIRE_PG_PORT"]);

    public string ServiceConnectionString(ServiceInfo service) => new NpgsqlConnectionStringBuilder
    {
        Host = PgHost,
        Port = PgPort,
        Database = service.Database,
        Username = service.Database,
        Password = this[$"TRADEWIRE_DB_{service.Database.ToUpperInvariant()}_PASSWORD"],
    }.ConnectionString;

    public string AdminConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = PgHost,
        Port = PgPort,
        Database = database,
        Username = this["TRADEWIRE_PG_ADMIN_USER"],
        Password = this["TRADEWIRE_PG_ADMIN_PASSWORD"],
    }.ConnectionString;

    /// <summary>Environment variables for a service process (configuration keys as ASP.NET reads them).</summary>
    public Dictionary<string, string> ServiceVariables(ServiceInfo service, string operatorToken) => new()
    {
        ["ConnectionStrings__Database"] = ServiceConnectionString(service),
        ["RabbitMq__Host"] = this["TRADEWIRE_RABBIT_HOST"],
        ["RabbitMq__Port"] = this["TRADEWIRE_RABBIT_PORT"],
        ["RabbitMq__Username"] = this["TRADEWIRE_RABBIT_USER"],
        ["RabbitMq__Password"] = this["TRADEWIRE_RABBIT_PASSWORD"],
        ["Operator__Token"] = operatorToken,
        ["ASPNETCORE_URLS"] = service.BaseAddress.ToString().TrimEnd('/'),
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    public Uri ManagementUri => new($"http://127.0.0.1:{this["TRADEWIRE_RABBIT_MGMT_PORT"]}/");

    /// <summary>
    /// Points a CLI-side MassTransit bus at the local RabbitMQ as the infrastructure's user, with publisher
    /// confirms as the services use them.
    /// </summary>
    public void ConfigureRabbitHost(IRabbitMqBusFactoryConfigurator cfg) =>
        cfg.Host(this["TRADEWIRE_RABBIT_HOST"], ushort.Parse(this["TRADEWIRE_RABBIT_PORT"]), "/", h =>
        {
            h.Username(this["TRADEWIRE_RABBIT_USER"]);
            h.Password(this["TRADEWIRE_RABBIT_PASSWORD"]);
            h.PublisherConfirmation = true;
        });

    /// <summary>An HTTP client for the RabbitMQ management API, authenticated as the infrastructure's user.</summary>
    public HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = ManagementUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{this["TRADEWIRE_RABBIT_USER"]}:{this["TRADEWIRE_RABBIT_PASSWORD"]}")));
        return http;
    }
}
