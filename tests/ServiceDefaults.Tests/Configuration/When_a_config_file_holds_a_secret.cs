using Microsoft.Extensions.Configuration;
using Tradewire.ServiceDefaults.Configuration;

namespace Tradewire.ServiceDefaults.Tests.Configuration;

public sealed class When_a_config_file_holds_a_secret : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("tw-secrets").FullName;

    [Theory]
    [InlineData("""{ "RabbitMq": { "Password": "x" } }""", "RabbitMq:Password")]
    [InlineData("""{ "ConnectionStrings": { "Database": "Host=h;Password=x" } }""", "ConnectionStrings:Database")]
    [InlineData("""{ "Operator": { "Token": "x" } }""", "Operator:Token")]
    public void Should_refuse_to_start_and_name_the_key_but_not_the_value(string json, string key)
    {
        var file = Path.Combine(_dir, "svc.json");
        File.WriteAllText(file, json);
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var error = Assert.Throws<InvalidOperationException>(() => SecretsGuard.EnsureNoSecretsInFiles(configuration));

        Assert.Contains(key, error.Message);
        Assert.DoesNotContain("Password=x", error.Message);
    }

    [Fact]
    public void Should_accept_a_file_without_secrets_and_secrets_from_the_environment()
    {
        var file = Path.Combine(_dir, "svc.json");
        File.WriteAllText(file, """{ "RabbitMq": { "Host": "broker", "Port": 5672 } }""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Password"] = "from-env" })
            .Build();

        SecretsGuard.EnsureNoSecretsInFiles(configuration);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
