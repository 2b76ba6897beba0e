using System.Text;
using GoldenPath.Fixtures.Environments;
using GoldenPath.Fixtures.Requirements;

namespace GoldenPath.Runner.Reports;

/// <summary>
/// docs/requirements.md, the traceability matrix: each §7 id, its requirement, and the specs that name it, Conformance and
/// ReferenceStack apart. Generated, never edited: <c>RequirementsPageTests</c> fails when the committed page differs.
/// </summary>
internal static class RequirementsPage
{
    public const string WriteVariable = SuiteVariables.WriteRequirements;

    public static string Markdown(IReadOnlyList<ProtocolRequirement> requirements, IReadOnlyList<TracedSpec> specs)
    {
        var traced = specs.Where(s => s.Requirements.Count > 0).ToArray();
        var text = new StringBuilder()
            .AppendLine("# Requirements traceability")
            .AppendLine()
            .AppendLine("Generated from PROTOCOL.md §7 and the specs' `[Requirement(\"<id>\")]` attributes; do not edit. When a spec or §7 changes, regenerate it:")
            .AppendLine($"`{WriteVariable}=1 dotnet test tests/GoldenPath.UnitTests/bin/Debug/net10.0/GoldenPath.UnitTests.dll --filter FullyQualifiedName~RequirementsPageTests`")
            .AppendLine("(without the variable that test fails when this page is out of date). `./run-tests.sh --filter Requirement=<id>` runs one requirement's specs.")
            .AppendLine()
            .AppendLine($"{requirements.Count} requirements; {traced.Length} specs name {traced.SelectMany(s => s.Requirements).Distinct().Count()} of them " +
                        $"({traced.Count(s => s.Kind == RequirementTrace.Conformance)} Conformance, {traced.Count(s => s.Kind == RequirementTrace.ReferenceStack)} ReferenceStack).")
            .AppendLine()
            .AppendLine("| id | requirement | § | Conformance specs | ReferenceStack specs |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var requirement in requirements)
        {
            text.AppendLine($"| `{requirement.Id}`{(requirement.Local ? " (local)" : string.Empty)} | {requirement.Text} | {requirement.Section} | " +
                            $"{Names(traced, requirement.Id, RequirementTrace.Conformance)} | {Names(traced, requirement.Id, RequirementTrace.ReferenceStack)} |");
        }

        return text.ToString();
    }

    private static string Names(IEnumerable<TracedSpec> specs, string id, string kind)
    {
        var names = specs.Where(s => s.Kind == kind && s.Requirements.Contains(id)).Select(s => s.ShortName).Order(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "-" : string.Join("<br>", names);
    }
}
