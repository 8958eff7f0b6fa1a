using MassTransit;
using Tradewire.Classifier.Classification;
using Tradewire.Classifier.Consumers;
using Tradewire.ServiceDefaults.Sequencing;
using Tradewire.Classifier.Persistence;
using Tradewire.Classifier.Sentiment;
using Tradewire.Classifier.Tickers;

namespace Tradewire.Classifier;

/// <summary>The classifier's registrations, shared by Program.cs and the integration tests' host.</summary>
public static class ClassifierServices
{
    /// <summary>Universe (Universe:Path), extractor and sentiment model are loaded once (singletons); the store is per consumer scope.</summary>
    public static IServiceCollection AddClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        Universe.Register(services, configuration);
        services.AddSingleton<TickerExtractor>();
        services.AddSingleton(_ => SentimentModelFactory.Create(configuration));
        services.AddSingleton<NewsClassifier>();
        services.AddScoped<ClassifiedNewsStore>();
        return services;
    }

    public static void AddClassifierConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<NewsMinuteClosedConsumer>(typeof(MinuteBatchDefinition<NewsMinuteClosedConsumer>));
}
