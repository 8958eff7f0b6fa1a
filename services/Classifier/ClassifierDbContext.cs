using Microsoft.EntityFrameworkCore;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Classifier;

/// <summary>The classifier service's own database. Schema: SQL files in Migrations/, applied at start-up.</summary>
public sealed class ClassifierDbContext(DbContextOptions<ClassifierDbContext> options) : ServiceDbContext(options);
