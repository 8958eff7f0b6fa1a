using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dashboard;

/// <summary>The dashboard's own database: what it heard on the bus. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : ServiceDbContext(options);
