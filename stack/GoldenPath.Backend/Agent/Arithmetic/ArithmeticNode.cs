namespace GoldenPath.Backend.Agent.Arithmetic;

/// <summary>A parsed arithmetic expression. Evaluation uses decimal, so 0.1 + 0.2 is 0.3, and
/// throws <see cref="DivideByZeroException"/> or <see cref="OverflowException"/> when it cannot finish.</summary>
public abstract record ArithmeticNode
{
    public abstract decimal Evaluate();

    public abstract bool HasOperator { get; }
}

public sealed record NumberNode(decimal Value) : ArithmeticNode
{
    public override decimal Evaluate() => Value;

    public override bool HasOperator => false;
}

public sealed record NegationNode(ArithmeticNode Operand) : ArithmeticNode
{
    public override decimal Evaluate() => -Operand.Evaluate();

    public override bool HasOperator => Operand.HasOperator;
}

public sealed record BinaryNode(char Operator, ArithmeticNode Left, ArithmeticNode Right) : ArithmeticNode
{
    public override decimal Evaluate() => Operator switch
    {
        '+' => Left.Evaluate() + Right.Evaluate(),
        '-' => Left.Evaluate() - Right.Evaluate(),
        '*' => Left.Evaluate() * Right.Evaluate(),
        '/' => Left.Evaluate() / Right.Evaluate(),
        _ => throw new InvalidOperationException($"unknown operator {Operator}"),
    };

    public override bool HasOperator => true;
}
