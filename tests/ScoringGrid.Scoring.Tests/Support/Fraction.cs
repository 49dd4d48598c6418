using System.Numerics;

namespace ScoringGrid.Scoring.Tests.Support;

/// An exact rational, so expected scores are computed without any floating-point rounding.
public readonly record struct Fraction(BigInteger Numerator, BigInteger Denominator)
{
    public static readonly Fraction Zero = new(0, 1);

    public static Fraction Of(double value)
    {
        // Test inputs are multiples of 1/1000 at most.
        var scaled = (BigInteger)Math.Round(value * 1000);
        Assert.Equal(value * 1000, (double)scaled, 6);
        return Reduce(scaled, 1000);
    }

    public static Fraction operator +(Fraction a, Fraction b) => Reduce(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => Reduce(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => Reduce(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator >(Fraction a, Fraction b) => a.Numerator * b.Denominator > b.Numerator * a.Denominator;

    public static bool operator <(Fraction a, Fraction b) => b > a;

    public static implicit operator Fraction(int value) => new(value, 1);

    /// Rounded to cents, halves away from zero (values here are never negative).
    public decimal ToCents()
    {
        var cents = BigInteger.Divide(Numerator * 200 + Denominator, Denominator * 2);
        return (decimal)cents / 100m;
    }

    private static Fraction Reduce(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0)
        {
            n = -n;
            d = -d;
        }

        var g = BigInteger.GreatestCommonDivisor(n, d);
        return g.IsZero ? Zero : new Fraction(n / g, d / g);
    }
}
