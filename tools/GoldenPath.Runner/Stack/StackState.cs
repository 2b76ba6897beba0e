using System.Text.Json;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.Runner.Stack;

/// <summary>
/// What a stack started with <c>stack up</c> left in the results folder: stack-up.json (its URLs and pid), stack-up.key (the
/// JWT key, readable by its owner only), stack-up.log, and stack-up.stop, which asks it to stop.
/// </summary>
internal sealed record StackState(string Auth, string Backend, string WebSocket, int Pid, string KeyFile)
{
    public static string File(string results) => Path.Combine(results, "stack-up.json");

    public static string Log(string results) => Path.Combine(results, "stack-up.log");

    public static string KeyFileOf(string state) => state + ".key";

    public static string StopFileOf(string state) => state + ".stop";

    public bool IsRunning => ProcessLiveness.IsAlive(Pid);

    public static StackState? Read(string state)
    {
        if (!System.IO.File.Exists(state))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StackState>(System.IO.File.ReadAllText(state), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string state) => System.IO.File.WriteAllText(state, JsonSerializer.Serialize(this, JsonSerializerOptions.Web));

    public static void Remove(string state)
    {
        foreach (var file in new[] { state, KeyFileOf(state), StopFileOf(state) })
        {
            System.IO.File.Delete(file);
        }
    }

    /// <summary>The lines that point a run at this stack as at a deployed one.</summary>
    public IEnumerable<string> Describe() =>
    [
        $"  auth       {Auth}",
        $"  backend    {Backend}",
        $"  websocket  {WebSocket}",
        "To run the specs against it as a deployed environment:",
        $"  export GOLDENPATH_ENV=staging GOLDENPATH__Endpoints__Auth={Auth} GOLDENPATH__Endpoints__Backend={Backend} GOLDENPATH__Endpoints__WebSocket={WebSocket} GOLDENPATH__Endpoints__Frontend={Backend} GOLDENPATH_JWT_SECRET_KEY=\"$(cat {KeyFile})\"",
    ];
}
