using System.Security.Cryptography;
using GoldenPath.E2ETests.Browser.Support;
using GoldenPath.Fixtures.Diagnostics;
using GoldenPath.Fixtures.Journeys;
using GoldenPath.Fixtures.Lifetime;
using GoldenPath.Fixtures.Stack;
using GoldenPath.Fixtures.Traits;
using static Microsoft.Playwright.Assertions;

namespace GoldenPath.E2ETests.Browser;

[Collection(BrowserCollection.Name)]
[E2E]
[Browser]
[ReferenceStack]
[Requirement("ws.auth-failure")]
public sealed class BrowserConnectionErrorTests(PlatformFixture platform, BrowserFixture browsers)
{
    [Fact]
    public Task A_backend_that_refuses_the_token_with_1008_fails_the_journey_with_the_code_and_what_the_page_shows() =>
        BrowserSpec.RunAsync(browsers, platform, async spec =>
        {
            var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            SecretMasker.Register(otherKey);
            var mismatched = await platform.StartAnotherAsync("a second backend with another JWT key", PlatformService.Backend, new Dictionary<string, string> { ["JWT_SECRET_KEY"] = otherKey });
            var user = await platform.NewUserAsync("refused");
            var page = await spec.OpenAsync("refused");

            var journey = () => new BrowserJourney(page).LogInAndAskAsync(mismatched, user, GoldenPathJourney.Question);

            var failure = await journey.Should().ThrowAsync<GoldenPathException>().WithMessage("*closed with 1008*the page shows*Authentication refused*");
            failure.Which.InnerException.Should().BeOfType<PageConnectionClosedException>().Which.CloseCode.Should().Be(1008);
            await Expect(page.ConnectionError).ToContainTextAsync("1008", new() { Timeout = page.Timeout });
        });
}
