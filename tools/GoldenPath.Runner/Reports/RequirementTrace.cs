using GoldenPath.Fixtures;
using GoldenPath.Fixtures.Requirements;
using GoldenPath.Runner.Run;

namespace GoldenPath.Runner.Reports;

/// <summary>A platform spec (a test method of the integration or e2e layer): its name, Conformance or ReferenceStack, and the §7 ids it names.</summary>
internal sealed record TracedSpec(string FullName, string Kind, IReadOnlyList<string> Requirements)
{
    /// <summary>Class.Method, as the page and the summary show it.</summary>
    public string ShortName => string.Join('.', FullName.Split('.')[^2..]);
}

/// <summary>
/// Which specs check which requirement of PROTOCOL.md §7, read from the built test assemblies' traits (the same catalog a
/// filtered run selects by, so <c>--filter Requirement=&lt;id&gt;</c> runs exactly the specs listed here).
/// </summary>
internal static class RequirementTrace
{
    public const string Conformance = "Conformance";
    public const string ReferenceStack = "ReferenceStack";

    public static readonly string[] SpecProjects = ["GoldenPath.IntegrationTests", "GoldenPath.E2ETests"];

    /// <summary>The platform specs of the built suite; null when an assembly is not built or cannot be read.</summary>
    public static IReadOnlyList<TracedSpec>? OfBuiltSuite(string configuration)
    {
        var specs = new List<TracedSpec>();
        foreach (var project in SpecProjects)
        {
            if (TestCatalog.Read(RepositoryLayout.TestAssembly(project, configuration)) is not { } catalog)
            {
                return null;
            }

            specs.AddRange(Specs(catalog));
        }

        return specs;
    }

    /// <summary>The catalog's tests of Category Conformance or ReferenceStack, with their Requirement traits.</summary>
    public static IEnumerable<TracedSpec> Specs(IEnumerable<IReadOnlyDictionary<string, IReadOnlyList<string>>> catalog) =>
        from test in catalog
        let categories = Values(test, "Category")
        let kind = categories.Contains(Conformance) ? Conformance : categories.Contains(ReferenceStack) ? ReferenceStack : null
        where kind is not null
        select new TracedSpec(Values(test, "FullyQualifiedName")[0], kind, Values(test, Fixtures.Traits.RequirementAttribute.Trait).Distinct().ToArray());

    /// <summary>What breaks the trace: an id (not marked local) no Conformance spec names, and a spec naming an id §7 does not have.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ProtocolRequirement> requirements, IReadOnlyList<TracedSpec> specs)
    {
        var known = requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var uncovered = requirements
            .Where(r => !r.Local && !specs.Any(s => s.Kind == Conformance && s.Requirements.Contains(r.Id)))
            .Select(r => $"{r.Id}: no Conformance spec names it ([Requirement(\"{r.Id}\")] on a spec that runs against any implementation)");
        var unknown = specs.SelectMany(s => s.Requirements.Where(id => !known.Contains(id)).Select(id => $"{s.FullName} names '{id}', which PROTOCOL.md §7 does not have"));
        return uncovered.Concat(unknown).ToArray();
    }

    private static IReadOnlyList<string> Values(IReadOnlyDictionary<string, IReadOnlyList<string>> test, string property) =>
        test.TryGetValue(property, out var values) ? values : [];
}
