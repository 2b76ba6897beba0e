namespace GoldenPath.Runner.Run;

/// <summary>
/// The dotnet test (VSTest) filter language, evaluated against a test's name and traits: <c>Name=V</c>, <c>!=</c>,
/// <c>~</c> (contains), <c>!~</c>, joined by <c>&amp;</c> and <c>|</c>, with parentheses. Three-valued: a property it
/// cannot know (DisplayName of a theory row, an unknown property, a comparison whose case matters) makes the answer
/// <c>null</c>, "maybe", so a caller never leaves out a test that dotnet test would have run.
/// </summary>
internal sealed class TestFilter
{
    private readonly Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, bool?> evaluate;

    private TestFilter(Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, bool?> evaluate) => this.evaluate = evaluate;

    /// <summary>Null when the text is not a filter this parser reads (the caller then runs everything).</summary>
    public static TestFilter? Parse(string text)
    {
        var parser = new Parser(text);
        try
        {
            var expression = parser.Expression();
            return parser.AtEnd ? new TestFilter(expression) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <param name="properties">FullyQualifiedName and each trait, by name (case-insensitive), with all their values.</param>
    public bool? Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> properties) => evaluate(properties);

    private sealed class Parser(string text)
    {
        private int position;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return position == text.Length;
            }
        }

        public Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, bool?> Expression()
        {
            var left = Term();
            while (Take('|'))
            {
                var (l, r) = (left, Term());
                left = p => Or(l(p), r(p));
            }

            return left;
        }

        private Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, bool?> Term()
        {
            var left = Factor();
            while (Take('&'))
            {
                var (l, r) = (left, Factor());
                left = p => And(l(p), r(p));
            }

            return left;
        }

        private Func<IReadOnlyDictionary<string, IReadOnlyList<string>>, bool?> Factor()
        {
            if (Take('('))
            {
                var inner = Expression();
                return Take(')') ? inner : throw new FormatException("a parenthesis is not closed");
            }

            var name = Word(stopAtOperator: true).Trim();
            var operation = Take('!') ? (Take('=') ? "!=" : Take('~') ? "!~" : throw new FormatException("! needs = or ~"))
                : Take('=') ? "=" : Take('~') ? "~" : throw new FormatException($"no operator after '{name}'");
            var value = Word(stopAtOperator: false).Trim();
            if (name.Length == 0)
            {
                throw new FormatException("a condition without a property name");
            }

            return properties => Condition(properties, name, operation, value);
        }

        private static bool? Condition(IReadOnlyDictionary<string, IReadOnlyList<string>> properties, string name, string operation, string value)
        {
            if (!properties.TryGetValue(name, out var values))
            {
                // A trait the test does not carry has no value; a property this catalog does not know is a maybe.
                return IsKnownProperty(name) ? null : operation.StartsWith('!');
            }

            bool Test(StringComparison comparison) => operation switch
            {
                "=" => values.Any(v => string.Equals(v, value, comparison)),
                "!=" => !values.Any(v => string.Equals(v, value, comparison)),
                "~" => values.Any(v => v.Contains(value, comparison)),
                _ => !values.Any(v => v.Contains(value, comparison)),
            };

            var exact = Test(StringComparison.Ordinal);
            return exact == Test(StringComparison.OrdinalIgnoreCase) ? exact : null;
        }

        // Properties dotnet test knows on every test: when the catalog lacks one, the answer is unknown, not "no value".
        private static bool IsKnownProperty(string name) =>
            name.Equals("DisplayName", StringComparison.OrdinalIgnoreCase) || name.Equals("FullyQualifiedName", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("ClassName", StringComparison.OrdinalIgnoreCase);

        private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

        private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

        private string Word(bool stopAtOperator)
        {
            var word = new System.Text.StringBuilder();
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '\\' && position + 1 < text.Length)
                {
                    word.Append(text[position + 1]);
                    position += 2;
                    continue;
                }

                if (c is '&' or '|' or '(' or ')' || (stopAtOperator && c is '=' or '!' or '~'))
                {
                    break;
                }

                word.Append(c);
                position++;
            }

            return word.ToString();
        }

        private bool Take(char c)
        {
            SkipSpaces();
            if (position < text.Length && text[position] == c)
            {
                position++;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }
    }
}
