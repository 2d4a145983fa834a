using System.Diagnostics;

namespace MoniKit.Core.Tests;

[TestClass]
public sealed class TraceContextTests
{
    [TestMethod]
    [DataRow("4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [DataRow("4BF92F3577B34DA6A3CE929D0E0E4736", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [DataRow(" 4bf92f35-77b3-4da6-a3ce-929d0e0e4736 ", "4bf92f3577b34da6a3ce929d0e0e4736")]
    public void TryParseTraceId_ValidId_Parsed(string value, string expected)
    {
        Assert.IsTrue(TraceContext.TryParseTraceId(value, out var id));
        Assert.AreEqual(expected, id.ToHexString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("00000000000000000000000000000000")]
    [DataRow("4bf92f3577b34da6a3ce929d0e0e473")]
    [DataRow("4bf92f3577b34da6a3ce929d0e0e47366")]
    [DataRow("zbf92f3577b34da6a3ce929d0e0e4736")]
    [DataRow("4bf92f3577b34da6a3ce929d0e0e4736\r\nX: y")]
    public void TryParseTraceId_InvalidId_Rejected(string value) => Assert.IsFalse(TraceContext.TryParseTraceId(value, out _));

    [TestMethod]
    public void CurrentTraceId_InsideAndOutsideActivity_FollowsActivityCurrent()
    {
        Assert.IsNull(TraceContext.CurrentTraceId);
        using (var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            Assert.AreEqual(activity.TraceId.ToHexString(), TraceContext.CurrentTraceId);
            Assert.AreEqual(activity.SpanId.ToHexString(), TraceContext.CurrentSpanId);
        }

        Assert.IsNull(TraceContext.CurrentSpanId);
    }
}
