using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GoldenPath.Backend.Agent.Arithmetic;

/// <summary>
/// Recursive descent over
/// <code>
/// expression := term (('+' | '-') term)*
/// term       := factor (('*' | '/') factor)*
/// factor     := ('-' | '+') factor | number | '(' expression ')'
/// </code>
/// where × and ÷ stand for * and /.
/// </summary>
public sealed class ArithmeticParser
{
    // Messages reach 64 KiB: bound the recursion rather than trust the input's nesting.
    private const int MaxDepth = 64;

    private readonly string text;
    private int position;
    private int depth;

    private ArithmeticParser(string text) => this.text = text;

    public static bool TryParse(string text, [NotNullWhen(true)] out ArithmeticNode? expression)
    {
        var parser = new ArithmeticParser(text);
        expression = parser.ParseExpression();
        if (expression is not null && parser.Peek() == '\0')
        {
            return true;
        }

        expression = null;
        return false;
    }

    private ArithmeticNode? ParseExpression()
    {
        var left = ParseTerm();
        while (left is not null && Peek() is '+' or '-')
        {
            var op = Next();
            left = ParseTerm() is { } right ? new BinaryNode(op, left, right) : null;
        }

        return left;
    }

    private ArithmeticNode? ParseTerm()
    {
        var left = ParseFactor();
        while (left is not null && Peek() is '*' or '/')
        {
            var op = Next();
            left = ParseFactor() is { } right ? new BinaryNode(op, left, right) : null;
        }

        return left;
    }

    private ArithmeticNode? ParseFactor()
    {
        if (++depth > MaxDepth)
        {
            return null;
        }

        try
        {
            switch (Peek())
            {
                case '-':
                    Next();
                    return ParseFactor() is { } negated ? new NegationNode(negated) : null;
                case '+':
                    Next();
                    return ParseFactor();
                case '(':
                    Next();
                    var inner = ParseExpression();
                    return inner is not null && Next() == ')' ? inner : null;
                default:
                    return ParseNumber();
            }
        }
        finally
        {
            depth--;
        }
    }

    private NumberNode? ParseNumber()
    {
        SkipWhitespace();
        var start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
        {
            position++;
        }

        var literal = text.AsSpan(start, position - start);
        return literal.ContainsAnyInRange('0', '9')
               && decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new NumberNode(value)
            : null;
    }

    /// <summary>The next significant character, with × and ÷ read as * and /; '\0' at the end.</summary>
    private char Peek()
    {
        SkipWhitespace();
        if (position >= text.Length)
        {
            return '\0';
        }

        return text[position] switch
        {
            '×' => '*',
            '÷' => '/',
            var c => c,
        };
    }

    private char Next()
    {
        var c = Peek();
        if (c != '\0')
        {
            position++;
        }

        return c;
    }

    private void SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
