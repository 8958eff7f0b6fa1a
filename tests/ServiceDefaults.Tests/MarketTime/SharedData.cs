using Tradewire.Tests.Shared;

namespace Tradewire.ServiceDefaults.Tests.MarketTime;

/// <summary>The shared data these tests read (located by <see cref="SharedDirectory"/>).</summary>
static class SharedData
{
    public static string NyseCalendarCsv => SharedDirectory.File("data", "calendar", "nyse_2024_2027_from_lean.csv");
}
