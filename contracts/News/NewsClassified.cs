namespace Tradewire.Contracts.News;

/// <summary>
/// Event: the classifier handled one minute of news (<c>NewsMinuteClosed</c>). Exactly one per session minute,
/// empty <see cref="Items"/> included, so downstream can join it with the same minute's features.
/// </summary>
public sealed record NewsClassified
{
    public required DateOnly SessionDate { get; init; }
    public required DateTimeOffset Minute { get; init; }
    public required IReadOnlyList<ClassifiedNewsItem> Items { get; init; }
}
