using System.Net.WebSockets;

namespace GoldenPath.Backend.WebSockets;

/// <summary>The open connections of this instance, by user.</summary>
public sealed class ConnectionRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<ClientConnection>> byUser = [];
    private readonly List<(string UserId, ClientConnection Connection)> inOpeningOrder = [];

    public void Add(string userId, ClientConnection connection)
    {
        lock (gate)
        {
            if (!byUser.TryGetValue(userId, out var list))
            {
                byUser[userId] = list = [];
            }

            list.Add(connection);
            inOpeningOrder.Add((userId, connection));
        }
    }

    public void Remove(string userId, ClientConnection connection)
    {
        lock (gate)
        {
            if (byUser.TryGetValue(userId, out var list) && list.Remove(connection) && list.Count == 0)
            {
                byUser.Remove(userId);
            }

            inOpeningOrder.Remove((userId, connection));
        }
    }

    public ClientConnection[] ForUser(string userId)
    {
        lock (gate)
        {
            return byUser.TryGetValue(userId, out var list) ? [.. list] : [];
        }
    }

    /// <summary>
    /// All open connections of the user, other than <paramref name="userId"/>, whose connection was opened most
    /// recently (only the leak-events fault asks); none when no other user is connected.
    /// </summary>
    public ClientConnection[] OfMostRecentOtherUser(string userId)
    {
        lock (gate)
        {
            for (var i = inOpeningOrder.Count - 1; i >= 0; i--)
            {
                if (inOpeningOrder[i].UserId != userId)
                {
                    return [.. byUser[inOpeningOrder[i].UserId]];
                }
            }

            return [];
        }
    }

    /// <summary>
    /// All open connections of a user other than <paramref name="userId"/>, picked by <paramref name="ordinal"/> striding through
    /// the connections in opening order (a prime stride, so consecutive leaks land far apart); only the leak-events-spread fault asks.
    /// </summary>
    public ClientConnection[] OfOtherUserAt(long ordinal, string userId)
    {
        const long Stride = 7919;
        lock (gate)
        {
            var count = inOpeningOrder.Count;
            for (var step = 0; step < count; step++)
            {
                var (other, _) = inOpeningOrder[(int)((ordinal * Stride + step) % count)];
                if (other != userId)
                {
                    return [.. byUser[other]];
                }
            }

            return [];
        }
    }

    public void CloseAll(WebSocketCloseStatus status, string description)
    {
        ClientConnection[] all;
        lock (gate)
        {
            all = [.. byUser.Values.SelectMany(list => list)];
        }

        foreach (var connection in all)
        {
            connection.Close(status, description);
        }
    }
}
