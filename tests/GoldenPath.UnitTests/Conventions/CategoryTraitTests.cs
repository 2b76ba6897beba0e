using System.Text.RegularExpressions;
using GoldenPath.Fixtures;

namespace GoldenPath.UnitTests.Conventions;

/// <summary>
/// A spec says its category one way: a typed attribute (<c>[Unit]</c>, <c>[GoldenPath]</c>, <c>[Conformance]</c>…, in
/// fixtures/GoldenPath.Fixtures/Traits/CategoryAttribute.cs), never a <c>[Trait("Category", "…")]</c> string that can be misspelt.
/// </summary>
[Unit]
public sealed partial class CategoryTraitTests
{
    [Fact]
    public void No_spec_writes_its_category_as_a_Trait_string()
    {
        var tests = Path.Combine(RepositoryLayout.Root, "tests");
        var literals = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => CategoryTrait().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryLayout.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        literals.Should().BeEmpty(
            "a category is a typed attribute such as [Unit] or [GoldenPath] (Traits/CategoryAttribute.cs; add one there for a new category); these write it as a string:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, literals));
    }

    [GeneratedRegex("""^\s*\[\s*Trait\s*\(\s*"Category"\s*,""")]
    private static partial Regex CategoryTrait();
}
