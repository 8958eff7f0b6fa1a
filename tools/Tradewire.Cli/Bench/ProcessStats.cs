using System.Globalization;

namespace Tradewire.Cli.Bench;

/// <summary>CPU seconds and peak resident memory of a Linux process, from /proc (no agent, no package).</summary>
public sealed record ProcessStats(double CpuSeconds, long PeakRssBytes)
{
    static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on

    /// <summary>
    /// CPU seconds of every live process of a Unix user, with what they reaped from exited children (PostgreSQL's
    /// backends are reaped by the postmaster): the infrastructure's share of the machine, which no service counts.
    /// </summary>
    public static double UserCpuSeconds(string user)
    {
        var uid = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f[0] == user)?[2];
        if (uid is null)
            return 0;
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                if (!File.ReadLines(Path.Combine(dir, "status")).Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t')[1] == uid))
                    continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)); // utime, stime, cutime, cstime
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { } // exited meanwhile
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>Busy and total CPU seconds of the whole machine since boot (all cores), from /proc/stat.</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal
        var idle = fields[3] + fields[4];
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

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
