namespace Tradewire.Integration.Tests.Support;

/// <summary>The real service processes, built in the configuration the tests themselves were built in.</summary>
public static class Fleet
{
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    public const string OperatorToken = "integration-test-operator-token";

    public static ServiceFleet Create() => new(LocalInfra.Paths, LocalInfra.Environment, OperatorToken);

    public static ServiceInfo Service(string name) => ServiceCatalog.Find(name)!;
}
