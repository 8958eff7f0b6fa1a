using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Npgsql;

namespace Tradewire.Integration.Tests.Infrastructure;

/// <summary>
/// scripts/infra.sh against a second, throwaway instance (own state directory under /tmp, own ports and node
/// name), so it runs beside the instance the other tests use without touching it. Linux only (/proc, runuser).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class When_the_infra_script_runs_twice : IAsyncLifetime
{
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(180);

    readonly string _root = FindRepoRoot();
    readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    readonly string _stateDir;
    readonly string _nodeName;

    public When_the_infra_script_runs_twice()
    {
        _stateDir = Path.Combine(Path.GetTempPath(), $"twtest-{_suffix}");
        _nodeName = $"twtest{_suffix}@localhost";
    }

    [Fact]
    public async Task Should_be_idempotent_and_stop_everything()
    {
        var first = await Infra("up");
        Assert.True(first.ExitCode == 0, first.Describe());
        var envAfterFirst = await File.ReadAllTextAsync(EnvFile);

        var second = await Infra("up");
        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Equal(envAfterFirst, await File.ReadAllTextAsync(EnvFile)); // secrets are reused, not regenerated
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EnvFile));
        AssertNoSecretPrinted(envAfterFirst, first, second);
        await AssertEachServiceReachesOnlyItsOwnDatabase(envAfterFirst);

        var running = await Infra("status");
        Assert.True(running.ExitCode == 0, running.Describe());

        var down = await Infra("down");
        Assert.True(down.ExitCode == 0, down.Describe());

        var stopped = await Infra("status");
        Assert.True(stopped.ExitCode == 3, stopped.Describe());
        Assert.Empty(ProcessesMentioning(_stateDir, _nodeName));
        // The VM and epmd name neither on their command line: nothing may still listen on the instance's ports.
        Assert.Empty(ListeningPorts().Intersect(Ports.Values.Select(int.Parse)));
    }

    // Below Linux's ephemeral range (32768-60999): while the other tests run, hundreds of client sockets hold
    // local ports in that range, and one of them can sit on the PostgreSQL port (bind: address in use).
    static readonly Dictionary<string, string> Ports = new()
    {
        ["TRADEWIRE_PG_PORT"] = "25532",
        ["TRADEWIRE_AMQP_PORT"] = "26820",
        ["TRADEWIRE_MGMT_PORT"] = "26821",
        ["TRADEWIRE_DIST_PORT"] = "26822",
        ["TRADEWIRE_EPMD_PORT"] = "26823",
    };

    string EnvFile => Path.Combine(_stateDir, "env");

    /// <summary>TCP ports in the LISTEN state (/proc/net/tcp and tcp6: hex local port, state 0A).</summary>
    static HashSet<int> ListeningPorts() =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[3] == "0A" && f[1].Contains(':'))
            .Select(f => Convert.ToInt32(f[1][(f[1].LastIndexOf(':') + 1)..], 16))
            .ToHashSet();

    /// <summary>
    /// The databases and roles deploy/postgres/init's script created: every service's role logs in to its own
    /// database with the password in the env file, and another service's database refuses it.
    /// </summary>
    static async Task AssertEachServiceReachesOnlyItsOwnDatabase(string envFile)
    {
        var passwords = envFile.Split('\n')
            .Select(l => System.Text.RegularExpressions.Regex.Match(l.Trim(), "^TRADEWIRE_DB_([A-Z_]+)_PASSWORD=(.+)$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
        Assert.Contains("broker_gateway", passwords.Keys);
        Assert.Equal(8, passwords.Count);
        foreach (var (name, password) in passwords)
        {
            await using var own = new NpgsqlConnection(Login(name, password, name));
            await own.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT current_user || '@' || current_database()", own);
            Assert.Equal($"{name}@{name}", await cmd.ExecuteScalarAsync());
        }
        var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var other = new NpgsqlConnection(Login("ingest", passwords["ingest"], "dispatcher"));
            await other.OpenAsync();
        });
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    static string Login(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = int.Parse(Ports["TRADEWIRE_PG_PORT"]), Username = user, Password = password, Database = database, Pooling = false,
    }.ConnectionString;

    static void AssertNoSecretPrinted(string envFile, params CommandResult[] results)
    {
        var secrets = envFile.Split('\n')
            .Where(l => l.Contains("PASSWORD=", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=') + 1)..].Trim())
            .ToList();
        Assert.NotEmpty(secrets);
        foreach (var result in results)
            Assert.DoesNotContain(secrets, s => result.StdOut.Contains(s, StringComparison.Ordinal) || result.StdErr.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>Every live process whose command line contains one of <paramref name="needles"/>.</summary>
    static List<string> ProcessesMentioning(params string[] needles)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (!pid.All(char.IsAsciiDigit) || pid == Environment.ProcessId.ToString())
                continue;
            string commandLine;
            try
            {
                commandLine = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "cmdline"))).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile
            }
            if (needles.Any(n => commandLine.Contains(n, StringComparison.Ordinal)))
                found.Add($"{pid}: {commandLine}");
        }
        return found;
    }

    async Task<CommandResult> Infra(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _root,
        };
        start.ArgumentList.Add(Path.Combine(_root, "scripts", "infra.sh"));
        start.ArgumentList.Add(command);
        start.Environment["TRADEWIRE_STATE_DIR"] = _stateDir;
        foreach (var (key, port) in Ports)
            start.Environment[key] = port;
        start.Environment["TRADEWIRE_RABBIT_NODENAME"] = _nodeName;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"infra.sh {command} did not finish within {CommandTimeout.TotalSeconds:F0} s");
        }
        return new CommandResult(command, process.ExitCode, await stdout, await stderr);
    }

    static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No Microservices.sln above " + AppContext.BaseDirectory);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Whatever happens in the test, the throwaway instance is stopped and its state removed.</summary>
    public async Task DisposeAsync()
    {
        if (!Directory.Exists(_stateDir))
            return;
        var down = await Infra("down");
        Assert.True(down.ExitCode == 0, down.Describe());
        Directory.Delete(_stateDir, recursive: true);
    }

    sealed record CommandResult(string Command, int ExitCode, string StdOut, string StdErr)
    {
        public string Describe() => $"infra.sh {Command} exited {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
    }
}
