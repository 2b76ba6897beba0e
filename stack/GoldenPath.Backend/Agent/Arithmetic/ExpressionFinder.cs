using System.Text.RegularExpressions;

namespace GoldenPath.Backend.Agent.Arithmetic;

/// <summary>An expression found in a message: as written (whitespace collapsed), and parsed.</summary>
public sealed record FoundExpression(string Text, ArithmeticNode Root);

/// <summary>Finds the first arithmetic expression with at least one operator in a message ("what is 17 * 23?").</summary>
public static partial class ExpressionFinder
{
    public static FoundExpression? Find(string message)
    {
        foreach (Match candidate in Candidates().Matches(message))
        {
            var text = string.Join(' ', candidate.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (text.AsSpan().ContainsAnyInRange('0', '9') && ArithmeticParser.TryParse(text, out var root) && root.HasOperator)
            {
                return new FoundExpression(text, root);
            }
        }

        return null;
    }

    [GeneratedRegex(@"[0-9.+\-*/×÷()\s]+")]
    private static partial Regex Candidates();
}
