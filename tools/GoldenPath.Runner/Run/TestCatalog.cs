using System.Reflection;
using System.Runtime.Loader;

namespace GoldenPath.Runner.Run;

/// <summary>
/// The tests a built test assembly holds, with their names and traits, read by reflection (in a throwaway load context)
/// so that a filtered run starts no test host for a project none of whose tests the filter selects.
/// </summary>
internal static class TestCatalog
{
    /// <summary>Each test's properties for <see cref="TestFilter"/> (FullyQualifiedName and its traits); null when the assembly cannot be read (the project then runs).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>? Read(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
        {
            return null;
        }

        var context = new CatalogLoadContext(assemblyPath);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            var assemblyTraits = Traits(assembly.GetCustomAttributes());
            var tests = new List<IReadOnlyDictionary<string, IReadOnlyList<string>>>();
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            {
                var classTraits = Traits(type.GetCustomAttributes(inherit: true).Cast<Attribute>());
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(IsTest))
                {
                    var properties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
                    {
                        ["FullyQualifiedName"] = [$"{type.FullName}.{method.Name}"],
                    };
                    foreach (var trait in assemblyTraits.Concat(classTraits).Concat(Traits(method.GetCustomAttributes())).GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase))
                    {
                        properties[trait.Key] = trait.Select(t => t.Value).ToArray();
                    }

                    tests.Add(properties);
                }
            }

            return tests;
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileLoadException or FileNotFoundException or BadImageFormatException or TargetInvocationException or MissingMethodException)
        {
            return null;
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributes().Any(a => DerivesFrom(a.GetType(), "Xunit.FactAttribute"));

    private static bool DerivesFrom(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }

    // xunit v3 trait attributes (Trait, and ours such as Quarantined) implement ITraitAttribute.GetTraits(); called by name,
    // since the test assembly's xunit is not this process's.
    private static IEnumerable<KeyValuePair<string, string>> Traits(IEnumerable<Attribute> attributes) =>
        attributes.Where(a => a.GetType().GetInterfaces().Any(i => i.FullName == "Xunit.v3.ITraitAttribute"))
            .SelectMany(a => (IEnumerable<KeyValuePair<string, string>>)a.GetType().GetMethod("GetTraits")!.Invoke(a, null)!)
            .ToArray();

    private sealed class CatalogLoadContext(string assemblyPath) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName name) =>
            resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
