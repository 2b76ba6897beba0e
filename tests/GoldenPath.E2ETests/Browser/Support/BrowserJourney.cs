using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>The golden path as a person walks it in the chat page: open, log in through the form, connect, ask. A failure names its step.</summary>
public sealed class BrowserJourney(ChatPage page)
{
    private int step;

    public async Task<BrowserRun> LogInAndAskAsync(StackEndpoints endpoints, TestUser user, string question)
    {
        await Step("open the page", () => page.OpenAsync(endpoints)).ConfigureAwait(false);
        await Step("log in through the form", () => page.LogInAsync(user)).ConfigureAwait(false);
        await Step("connect", page.WaitUntilConnectedAsync).ConfigureAwait(false);
        return await Step("ask and see the answer", () => page.AskAsync(question)).ConfigureAwait(false);
    }

    private async Task<T> Step<T>(string name, Func<Task<T>> action)
    {
        var number = ++step;
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new GoldenPathException($"[{page.Label}] browser journey step {number} '{name}' failed:{Environment.NewLine}{e.Message}", e);
        }
    }

    private Task Step(string name, Func<Task> action) => Step(name, async () =>
    {
        await action().ConfigureAwait(false);
        return true;
    });
}
