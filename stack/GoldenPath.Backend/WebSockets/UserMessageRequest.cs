using System.Text.Json;

namespace GoldenPath.Backend.WebSockets;

/// <summary>
/// A parsed <c>user_message</c> frame. <see cref="Content"/> is null when it is missing or empty;
/// <see cref="ThreadId"/> is null both for a new thread and for an unusable id, told apart by <see cref="StartsNewThread"/>.
/// </summary>
public sealed record UserMessageRequest(string? MessageId, string? Content, bool StartsNewThread, string? ThreadId)
{
    /// <param name="contentNames">The payload fields that may carry the text, first found wins: <c>content</c> under
    /// protocol-1.2; netra-apex also takes <c>text</c> (its web client sends that).</param>
    public static UserMessageRequest Read(JsonElement frame, IReadOnlyList<string> contentNames)
    {
        var messageId = StringProperty(frame, "message_id");
        if (!frame.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return new UserMessageRequest(messageId, null, false, null);
        }

        var content = contentNames.Select(name => StringProperty(payload, name)).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));
        var hasThread = payload.TryGetProperty("thread_id", out var thread) && thread.ValueKind != JsonValueKind.Null;
        // Ids are opaque strings (PROTOCOL §0): any non-empty string is looked up; anything else is no thread of this user.
        var threadId = hasThread && thread.ValueKind == JsonValueKind.String && thread.GetString() is { Length: > 0 } id ? id : null;
        return new UserMessageRequest(messageId, content, !hasThread, threadId);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
