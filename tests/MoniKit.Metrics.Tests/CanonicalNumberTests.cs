using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class CanonicalNumberTests
{
    // The examples of the OpenMetrics specification's "Canonical Numbers", plus the bounds MoniKit's histograms use.
    [TestMethod]
    [DataRow(0.0, "0.0")]
    [DataRow(0.001, "0.001")]
    [DataRow(0.002, "0.002")]
    [DataRow(0.01, "0.01")]
    [DataRow(0.1, "0.1")]
    [DataRow(0.9, "0.9")]
    [DataRow(0.95, "0.95")]
    [DataRow(0.99, "0.99")]
    [DataRow(0.999, "0.999")]
    [DataRow(1.0, "1.0")]
    [DataRow(1.7, "1.7")]
    [DataRow(10.0, "10.0")]
    [DataRow(1e-10, "1e-10")]
    [DataRow(1e-09, "1e-09")]
    [DataRow(1e-05, "1e-05")]
    [DataRow(0.0001, "0.0001")]
    [DataRow(100000.0, "100000.0")]
    [DataRow(1e+06, "1e+06")]
    [DataRow(1e+10, "1e+10")]
    [DataRow(1e+23, "1e+23")]
    [DataRow(1.1e+23, "1.1e+23")]
    [DataRow(0.005, "0.005")]
    [DataRow(0.075, "0.075")]
    [DataRow(2.5, "2.5")]
    [DataRow(3600.0, "3600.0")]
    [DataRow(1234567.0, "1.234567e+06")]
    [DataRow(-10.0, "-10.0")]
    [DataRow(-0.25, "-0.25")]
    [DataRow(double.PositiveInfinity, "+Inf")]
    [DataRow(double.NegativeInfinity, "-Inf")]
    public void Format_Bound_GoStyleShortestWithPointZero(double value, string expected)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        CanonicalNumber.Write(output, value);

        Assert.AreEqual(expected, System.Text.Encoding.ASCII.GetString(output.WrittenSpan));
    }
}
