using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Journeys;

namespace GoldenPath.UnitTests.Diagnostics;

/// <summary>
/// A check left out because the environment says it cannot hold (agent.deterministic=false, minted tokens) is said in the
/// test's own output, not only in the run report; and no spec gates on agent.deterministic without saying so.
/// </summary>
[Unit]
public sealed class NotCheckedTests
{
    [Fact]
    public void A_check_left_out_for_a_non_deterministic_agent_is_said_in_the_tests_own_output()
    {
        // What these tests say is made up: to their own output only, not into the run report of the run that runs them.
        using var outputOnly = GoldenPath.Fixtures.Diagnostics.NotChecked.ToTestOutputOnly();
        var environment = new GoldenPathEnvironment { Name = "llm-staging", Agent = new AgentSettings { Deterministic = false } };

        var checks = ReferenceAgent.Checks(environment, "answer: 391 in final_response (PROTOCOL.md §4)");

        checks.Should().BeFalse();
        TestContext.Current.TestOutputHelper!.Output.Should().Contain(
            "not checked: answer: 391 in final_response (PROTOCOL.md §4): environment 'llm-staging' sets agent.deterministic=false (its agent is not PROTOCOL.md §4's reference agent)");
    }

    [Fact]
    public void With_the_reference_agent_the_check_runs_and_nothing_is_said()
    {
        // What these tests say is made up: to their own output only, not into the run report of the run that runs them.
        using var outputOnly = GoldenPath.Fixtures.Diagnostics.NotChecked.ToTestOutputOnly();
        var checks = ReferenceAgent.Checks(new GoldenPathEnvironment { Name = "local" }, "answer: 391 in final_response (PROTOCOL.md §4)");

        checks.Should().BeTrue();
        TestContext.Current.TestOutputHelper!.Output.Should().BeEmpty();
    }

    [Fact]
    public void Every_test_that_leaves_a_check_out_says_it_even_when_the_run_report_already_did()
    {
        // What these tests say is made up: to their own output only, not into the run report of the run that runs them.
        using var outputOnly = GoldenPath.Fixtures.Diagnostics.NotChecked.ToTestOutputOnly();
        GoldenPath.Fixtures.Diagnostics.NotChecked.Say("login", "minted tokens");
        GoldenPath.Fixtures.Diagnostics.NotChecked.Say("login", "minted tokens");

        TestContext.Current.TestOutputHelper!.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Should().Equal("not checked: login: minted tokens", "not checked: login: minted tokens");
    }

    [Fact]
    public void No_spec_or_fixture_gates_a_check_on_agent_deterministic_but_through_ReferenceAgent_which_says_so()
    {
        var gated = new[] { "tests", "fixtures", "tools" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           Path.GetFileName(file) is not ("ReferenceAgent.cs" or "NotCheckedTests.cs"))
            .Where(file => File.ReadAllText(file).Contains("Agent.Deterministic", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryLayout.Root, file))
            .ToArray();

        gated.Should().BeEmpty("a check gated on agent.deterministic goes through ReferenceAgent.Checks (or Require), which says in the test's output and the run report what was left out; these read it directly: {0}",
            string.Join(", ", gated));
    }
}
