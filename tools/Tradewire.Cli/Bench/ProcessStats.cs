using System.Globalization;

namespace Tradewire.Cli.Bench;

/// <summary>CPU seconds and peak resident memory of a Linux process, from /proc (no agent, no package).</summary>
public sealed record ProcessStats(double CpuSeconds, long PeakRssBytes)
{
    static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on

    public static ProcessStats? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            var hwm = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return new ProcessStats(ticks / TicksPerSecond, kb * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null; // the process is gone
        }
    }
}
