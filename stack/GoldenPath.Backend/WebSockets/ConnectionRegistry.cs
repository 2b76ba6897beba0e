using System.Net.WebSockets;

namespace GoldenPath.Backend.WebSockets;

/// <summary>The open connections of this instance, by user.</summary>
public sealed class ConnectionRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<ClientConnection>> _byUser = [];

    public void Add(string userId, ClientConnection connection)
    {
        lock (_lock)
        {
            if (!_byUser.TryGetValue(userId, out var list))
            {
                _byUser[userId] = list = [];
            }

            list.Add(connection);
        }
    }

    public void Remove(string userId, ClientConnection connection)
    {
        lock (_lock)
        {
            if (_byUser.TryGetValue(userId, out var list) && list.Remove(connection) && list.Count == 0)
            {
                _byUser.Remove(userId);
            }
        }
    }

    public ClientConnection[] ForUser(string userId)
    {
        lock (_lock)
        {
            return _byUser.TryGetValue(userId, out var list) ? [.. list] : [];
        }
    }

    public void CloseAll(WebSocketCloseStatus status, string description)
    {
        ClientConnection[] all;
        lock (_lock)
        {
            all = [.. _byUser.Values.SelectMany(list => list)];
        }

        foreach (var connection in all)
        {
            connection.Close(status, description);
        }
    }
}
