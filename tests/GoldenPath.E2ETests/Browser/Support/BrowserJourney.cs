using GoldenPath.Fixtures.Clients;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Stack;

namespace GoldenPath.E2ETests.Browser.Support;

/// <summary>The golden path as a person walks it in the chat page: open, log in through the form, connect, ask. A failure names its step.</summary>
public sealed class BrowserJourney(ChatPage page)
{
    private readonly JourneySteps steps = new($"[{page.Label}] browser journey");

    public async Task<BrowserRun> LogInAndAskAsync(StackEndpoints endpoints, TestUser user, string question)
    {
        await steps.RunAsync("open the page", () => page.OpenAsync(endpoints)).ConfigureAwait(false);
        await steps.RunAsync("log in through the form", () => page.LogInAsync(user)).ConfigureAwait(false);
        await steps.RunAsync("connect", page.WaitUntilConnectedAsync).ConfigureAwait(false);
        return await steps.RunAsync("ask and see the answer", () => page.AskAsync(question)).ConfigureAwait(false);
    }
}
