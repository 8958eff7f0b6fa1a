using Tradewire.Dashboard;
using Tradewire.ServiceDefaults;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("dashboard");
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();
await app.RunServiceAsync(args);
