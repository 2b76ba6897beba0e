using GoldenPath.Backend.Faults;
using GoldenPath.Backend.Storage;

namespace GoldenPath.Backend.Agent.Tools;

/// <summary>Counts and quotes the user's own earlier messages, from PostgreSQL.</summary>
public sealed class HistorySearchCall(AcceptedTurn turn, MessageRepository messages, RunFaults faults) : ToolCall
{
    private const int QuoteCount = 3;
    private const int QuoteLength = 80;

    public override string ToolName => "history_search";

    public override string Reasoning => "The message is neither a calculation nor a question about the time; searching your earlier messages.";

    public override object Parameters => new HistoryParameters(QuoteCount);

    public override async Task<ToolOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        var (count, latest) = await messages.FindEarlierUserMessagesAsync(
            turn.UserId, turn.MessageSequence, QuoteCount, cancellationToken, faults.QuotesMessageBeingAnswered, faults.SearchesCurrentThreadOnly ? turn.ThreadId : null);
        var quotes = latest.Select(Quote).ToArray();
        var answer = count == 0
            ? "You have no earlier messages."
            : $"You have sent {count} earlier message{(count == 1 ? "" : "s")}. Most recent: {string.Join("; ", quotes.Select(q => $"\"{q}\""))}.";
        return ToolOutcome.Succeeded(new HistoryResult(count, quotes), answer);
    }

    private static string Quote(string content)
    {
        var singleLine = content.ReplaceLineEndings(" ");
        return singleLine.Length <= QuoteLength ? singleLine : string.Concat(singleLine.AsSpan(0, QuoteLength - 1), "…");
    }

    private sealed record HistoryParameters(int Limit);

    private sealed record HistoryResult(int Count, string[] Messages);
}
