using System.Globalization;
using MoniKit.AspNetCore.Implementation;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class MillisecondsTests
{
    [TestMethod]
    [DataRow(0L, "0.0")]
    [DataRow(1L, "0.0")]
    [DataRow(5L, "0.001")]
    [DataRow(28L, "0.003")]
    [DataRow(10_000L, "1.0")]
    [DataRow(125_000L, "12.5")]
    [DataRow(1_234_500L, "123.45")]
    [DataRow(12_345_678L, "1234.568")]
    [DataRow(9_999_996L, "1000.0")]
    [DataRow(36_000_000_000L, "3600000.0")]
    [DataRow(-20L, "0.0")]
    public void ToString_Ticks_MillisecondsWithOneToThreeDecimals(long ticks, string expected) =>
        Assert.AreEqual(expected, new Milliseconds(TimeSpan.FromTicks(ticks)).ToString());

    [TestMethod]
    public void TryFormat_AnyDuration_WritesWhatTheFloatingPointFormatWrites()
    {
        // Away from the exact halves of a microsecond, where binary floating point may round the other way.
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(0, i % 2 == 0 ? 100_000 : 100_000_000_000);
            if (ticks % 10 == 5)
            {
                continue;
            }

            var duration = TimeSpan.FromTicks(ticks);
            Assert.AreEqual(duration.TotalMilliseconds.ToString("0.0##", CultureInfo.InvariantCulture), new Milliseconds(duration).ToString(), $"{ticks} ticks");
        }
    }

    [TestMethod]
    public void TryFormat_DestinationTooShort_WritesNothing()
    {
        Span<char> destination = stackalloc char[4];

        var written = new Milliseconds(TimeSpan.FromMilliseconds(123.45)).TryFormat(destination, out var count, default, null);

        Assert.IsFalse(written);
        Assert.AreEqual(0, count);
    }

    [TestMethod]
    public void Interpolation_InAMessage_SameTextAsTheFormatString()
    {
        var elapsed = TimeSpan.FromTicks(4_321);

        var message = string.Create(CultureInfo.InvariantCulture, $"HTTP GET /orders/{{id}} responded 200 in {new Milliseconds(elapsed)} ms");

        Assert.AreEqual("HTTP GET /orders/{id} responded 200 in 0.432 ms", message);
    }
}
