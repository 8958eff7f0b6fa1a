using Tradewire.Classifier;
using Tradewire.ServiceDefaults;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Messaging;

var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args);
builder.AddServiceDefaults("classifier");
builder.AddServiceDatabase<ClassifierDbContext>();
builder.Services.AddClassifier(builder.Configuration);
builder.AddServiceBus<ClassifierDbContext>(x => x.AddClassifierConsumers());

var app = builder.Build();
// Load the model at start-up, not on the first message: a missing or broken model fails the start, visibly.
app.Services.GetRequiredService<Tradewire.Classifier.Sentiment.ISentimentModel>();
app.MapDefaultEndpoints();
await app.RunServiceAsync(args);
