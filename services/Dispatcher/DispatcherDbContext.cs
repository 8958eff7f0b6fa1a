using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher;

/// <summary>The dispatcher service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class DispatcherDbContext(DbContextOptions<DispatcherDbContext> options) : ServiceDbContext(options);
