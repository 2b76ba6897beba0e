using System.Globalization;
using GoldenPath.Backend.Agent.Arithmetic;
using GoldenPath.Backend.Faults;

namespace GoldenPath.Backend.Agent.Tools;

public sealed class CalculatorCall(FoundExpression expression, RunFaults faults) : ToolCall
{
    public override string ToolName => "calculator";

    public override string Reasoning => $"The message contains the arithmetic expression {expression.Text}; the calculator evaluates it.";

    public override object Parameters => new CalculatorParameters(expression.Text);

    public static CalculatorCall? TryCreate(string message, RunFaults faults) =>
        ExpressionFinder.Find(message) is { } found ? new CalculatorCall(found, faults) : null;

    public override Task<ToolOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var value = Normalize(faults.Calculated(expression.Root.Evaluate()));
            var text = value.ToString(CultureInfo.InvariantCulture);
            return Task.FromResult(ToolOutcome.Succeeded(new CalculatorResult(expression.Text, value), $"{expression.Text} = {text}", text));
        }
        catch (DivideByZeroException)
        {
            return Task.FromResult(Failure("division by zero"));
        }
        catch (OverflowException)
        {
            return Task.FromResult(Failure("the result is too large"));
        }
    }

    private ToolOutcome Failure(string reason) =>
        ToolOutcome.Failed(new CalculatorFailure(expression.Text, reason), $"cannot calculate {expression.Text}: {reason}");

    // Drops trailing zeros, so that 17.0 * 23 answers 391, not 391.0.
    private static decimal Normalize(decimal value) =>
        decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private sealed record CalculatorParameters(string Expression);

    private sealed record CalculatorResult(string Expression, decimal Result);

    private sealed record CalculatorFailure(string Expression, string Error);
}
