using Tradewire.Dispatcher;
using Tradewire.ServiceDefaults;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("dispatcher");
builder.AddDispatcher();

var app = builder.Build();
app.MapDispatcher();
await app.RunServiceAsync(args);
