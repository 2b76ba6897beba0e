using GoldenPath.Runner.Coverage;

namespace GoldenPath.UnitTests.Runner;

[Unit]
public sealed class CoverageAttachmentsTests : IDisposable
{
    private const string Cobertura = """<?xml version="1.0" encoding="utf-8"?><coverage line-rate="1" branch-rate="1"><packages /></coverage>""";
    private readonly string folder = Directory.CreateTempSubdirectory("gp-coverage-").FullName;

    [Fact]
    public void The_collectors_file_moves_to_coverage_raw_and_no_guid_or_deployment_folder_is_left()
    {
        var guid = Path.Combine(folder, "a49e3617-485d-4d1b-804d-eb6d406ce9b6");
        Write(Path.Combine(guid, "coverage.cobertura.xml"), Cobertura);
        Write(Path.Combine(folder, "_vm_2026-12-07_05_37_23", "In", "vm", "coverage.cobertura.xml"), Cobertura);
        var trx = Write(Path.Combine(folder, "GoldenPath.UnitTests.trx"),
            """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><TestSettings><Deployment runDeploymentRoot="_vm_2026-12-07_05_37_23" /></TestSettings></TestRun>""");
        Write(Path.Combine(folder, "browser", "Spec.Method", "page.png"), "png");
        var raw = Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.UnitTests.cobertura.xml");

        var moved = CoverageAttachments.Collect(folder, trx, raw);

        moved.Should().Equal(raw);
        File.ReadAllText(raw).Should().Be(Cobertura);
        Directory.GetDirectories(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["coverage", "browser"], "the GUID folder and the TRX logger's copy are gone; the rest stays");
        File.Exists(trx).Should().BeTrue();
    }

    [Fact]
    public void A_run_whose_collector_wrote_nothing_moves_nothing_and_says_so_by_an_empty_list()
    {
        var trx = Write(Path.Combine(folder, "GoldenPath.E2ETests.trx"), """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" />""");
        Directory.CreateDirectory(Path.Combine(folder, "0b1e0a4e-2f4b-4a43-9d9a-0c4f3b6c2a11"));

        CoverageAttachments.Collect(folder, trx, Path.Combine(CoverageAttachments.RawDirectory(folder), "GoldenPath.E2ETests.cobertura.xml")).Should().BeEmpty();
        Directory.Exists(CoverageAttachments.RawDirectory(folder)).Should().BeFalse();
    }

    [Fact]
    public void A_deployment_folder_holding_something_else_keeps_that()
    {
        Write(Path.Combine(folder, "_vm_2026-12-07_05_37_23", "In", "vm", "coverage.cobertura.xml"), Cobertura);
        var other = Write(Path.Combine(folder, "_vm_2026-12-07_05_37_23", "In", "vm", "sequence.xml"), "<x/>");
        var trx = Write(Path.Combine(folder, "GoldenPath.UnitTests.trx"), """<TestRun><Deployment runDeploymentRoot="_vm_2026-12-07_05_37_23" /></TestRun>""");

        CoverageAttachments.Collect(folder, trx, Path.Combine(folder, "raw.cobertura.xml"));

        File.Exists(other).Should().BeTrue();
        File.Exists(Path.Combine(Path.GetDirectoryName(other)!, "coverage.cobertura.xml")).Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
