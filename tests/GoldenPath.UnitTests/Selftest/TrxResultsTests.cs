using GoldenPath.Fixtures.Selftest;
using GoldenPath.Reporting.Selftest;

namespace GoldenPath.UnitTests.Selftest;

[Unit]
public sealed class TrxResultsTests
{
    [Fact]
    public void Outcomes_and_failure_messages_are_read_from_a_trx_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gp-{Guid.NewGuid():N}.trx");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="A.passes" outcome="Passed" />
                <UnitTestResult testName="A.fails" outcome="Failed">
                  <Output><ErrorInfo><Message>correlation: the ack &amp; the events disagree</Message><StackTrace>at x</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult testName="A.skipped" outcome="NotExecuted"><Output><StdOut>loud</StdOut></Output></UnitTestResult>
              </Results>
            </TestRun>
            """);
        try
        {
            var tests = TrxResults.Read(path);

            tests.Select(t => (t.Name, t.Outcome, t.Failed)).Should().Equal(("A.passes", "Passed", false), ("A.fails", "Failed", true), ("A.skipped", "NotExecuted", false));
            tests[1].Message.Should().Be("correlation: the ack & the events disagree");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
