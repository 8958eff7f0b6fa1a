using Tradewire.Features;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("features");
builder.AddServiceDatabase<FeaturesDbContext>();
builder.AddServiceBus<FeaturesDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
