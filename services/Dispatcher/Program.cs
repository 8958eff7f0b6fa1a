using Tradewire.Dispatcher;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("dispatcher");
builder.AddServiceDatabase<DispatcherDbContext>();
builder.AddServiceBus<DispatcherDbContext>();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
