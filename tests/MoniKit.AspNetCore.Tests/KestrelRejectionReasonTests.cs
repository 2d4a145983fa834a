using MoniKit.AspNetCore.Implementation;

namespace MoniKit.AspNetCore.Tests;

[TestClass]
public sealed class KestrelRejectionReasonTests
{
    [TestMethod]
    [DataRow("Request headers too long.", "Request headers too long")]
    [DataRow("Invalid request header: 'Authorization Bearer s3cret\\x0D\\x0A'", "Invalid request header")]
    [DataRow("Invalid request line: 'GET /?token=s3cret HTTP/1.1 junk'", "Invalid request line")]
    [DataRow("Final transfer coding is not \"chunked\": \"gzip\"", "Final transfer coding is not")]
    [DataRow("Request body too large. The max request body size is 16 bytes.", "Request body too large. The max request body size is 16 bytes")]
    [DataRow("Odd\u001b[2J reason", "Odd\\u001b[2J reason")]
    public void Reason_KestrelMessage_KeepsTheWordsBeforeAnyQuotedDetail(string message, string expected)
    {
        Assert.AreEqual(expected, KestrelRejectionLogger.Reason(message));
    }
}
