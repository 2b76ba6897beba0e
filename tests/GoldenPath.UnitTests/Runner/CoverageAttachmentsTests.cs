using GoldenPath.Runner.Coverage;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class CoverageAttachmentsTests : IDisposable
{
    private const string Cobertura = """<?xml version="1.0" encoding="utf-8"?><coverage line-rate="1" branch-rate="1"><packages /></coverage>""";
    private readonly string folder = Directory.CreateTempSubdirectory("gp-coverage-").FullName;

    [Fact]
    public void Coverlets_file_moves_to_coverage_raw_and_the_rest_of_the_folder_stays()
    {
        var written = Write(Path.Combine(folder, "GoldenPath.UnitTests.coverage.cobertura.071226083811719.xml"), Cobertura);
        var trx = Write(Path.Combine(folder, "GoldenPath.UnitTests.trx"), """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" />""");
        Write(Path.Combine(folder, "browser", "Spec.Method", "page.png"), "png");
        var raw = Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.UnitTests.cobertura.xml");

        var moved = CoverageAttachments.Collect(folder, "GoldenPath.UnitTests", raw);

        moved.Should().Equal(raw);
        File.ReadAllText(raw).Should().Be(Cobertura);
        File.Exists(written).Should().BeFalse("the file moved, it was not copied");
        File.Exists(trx).Should().BeTrue();
        Directory.GetDirectories(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["coverage", "browser"]);
    }

    [Fact]
    public void Another_projects_file_is_not_taken()
    {
        var other = Write(Path.Combine(folder, "GoldenPath.E2ETests.coverage.cobertura.071226083811719.xml"), Cobertura);

        CoverageAttachments.Collect(folder, "GoldenPath.UnitTests", Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.UnitTests.cobertura.xml")).Should().BeEmpty();
        File.Exists(other).Should().BeTrue();
    }

    [Fact]
    public void A_run_for_which_coverlet_wrote_nothing_moves_nothing_and_says_so_by_an_empty_list()
    {
        Write(Path.Combine(folder, "GoldenPath.E2ETests.trx"), """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" />""");

        CoverageAttachments.Collect(folder, "GoldenPath.E2ETests", Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.E2ETests.cobertura.xml")).Should().BeEmpty();
        Directory.Exists(CoverageAttachments.RawDirectory(folder)).Should().BeFalse();
    }

    [Fact]
    public void A_second_file_of_one_run_keeps_its_own_name_beside_the_first()
    {
        Write(Path.Combine(folder, "GoldenPath.UnitTests.coverage.cobertura.1.xml"), Cobertura);
        Write(Path.Combine(folder, "GoldenPath.UnitTests.coverage.cobertura.2.xml"), Cobertura);
        var raw = Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.UnitTests.cobertura.xml");

        CoverageAttachments.Collect(folder, "GoldenPath.UnitTests", raw).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["GoldenPath.UnitTests.cobertura.xml", "GoldenPath.UnitTests-2.cobertura.xml"]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
