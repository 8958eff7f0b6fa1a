using System.CommandLine;

namespace Tradewire.Cli;

/// <summary>The test suite: infrastructure up (idempotent), then <c>dotnet test</c> on the solution.</summary>
public static class TestCommand
{
    public static Command Definition(RepoPaths paths)
    {
        // Everything after "test" goes to dotnet test as it is (e.g. --filter X), so it is not parsed here.
        var command = new Command("test", "run the test suite against the local infrastructure (started if needed); further arguments go to dotnet test")
            { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(r => Run(paths, [.. r.UnmatchedTokens]));
        return command;
    }

    public static async Task<int> Run(RepoPaths paths, string[] extra)
    {
        if (await Shell.Run("bash", [paths.InfraScript, "up"], paths.Root) != 0)
        {
            Console.Error.WriteLine("tradewire test: infrastructure did not start");
            return 1;
        }
        // Release, because the tests start the services' Release builds as real processes. In CI every test's
        // duration is printed, so the log shows where the run's time went.
        string[] ci = Environment.GetEnvironmentVariable("CI") == "true" ? ["--logger", "console;verbosity=normal"] : [];
        return await Shell.Run("dotnet", ["test", Path.Combine(paths.Root, "Microservices.sln"), "-c", "Release", "-nologo", "--blame-hang-timeout", "10m", .. ci, .. extra], paths.Root);
    }
}
