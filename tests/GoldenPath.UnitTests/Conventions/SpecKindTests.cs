using System.Reflection;

namespace GoldenPath.UnitTests.Conventions;

/// <summary>
/// Every spec class of the integration and e2e layers is exactly one kind: Conformance (needs only the
/// environment's endpoints and user source, so it runs against any implementation of PROTOCOL.md) or
/// ReferenceStack (needs a local reference stack: fault switches, a second instance, TLS files, the reference
/// agent's wording). run-tests leaves the ReferenceStack specs out on a remote stack.
/// </summary>
[Unit]
public sealed class SpecKindTests
{
    private static readonly string[] Kinds = ["Conformance", "ReferenceStack"];

    private static readonly Assembly[] SpecAssemblies =
    [
        typeof(GoldenPath.IntegrationTests.Auth.LoginTests).Assembly,
        typeof(GoldenPath.E2ETests.GoldenPath.MultiTabTests).Assembly,
    ];

    [Fact]
    public void Every_spec_class_is_either_Conformance_or_ReferenceStack()
    {
        var specs = SpecAssemblies.SelectMany(SpecClasses).ToArray();

        specs.Should().Contain(t => t.Name == "LoginTests").And.Contain(t => t.Name == "BrowserGoldenPathTests", "the spec classes of both layers are found");
        var wrong = specs
            .Select(t => (Type: t, Kinds: CategoriesOf(t).Intersect(Kinds).ToArray()))
            .Where(s => s.Kinds.Length != 1)
            .Select(s => $"{s.Type.FullName}: {(s.Kinds.Length == 0 ? "neither" : "both")}")
            .ToArray();

        wrong.Should().BeEmpty(
            "every integration and e2e spec class needs exactly one of Category=Conformance (only the environment's endpoints and user source) " +
            "or Category=ReferenceStack (a local reference stack); these have neither or both:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, wrong));
    }

    private static IEnumerable<Type> SpecClasses(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } &&
            t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()));

    private static IEnumerable<string> CategoriesOf(Type type) =>
        type.GetCustomAttributes<CategoryAttribute>(inherit: true).Select(c => c.Category);
}
