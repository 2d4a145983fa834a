namespace MoniKit.Stack.Tests.Alloy;

[TestClass]
public sealed class DoublestarTests
{
    [TestMethod]
    [DataRow("/var/log/*/*.json", "/var/log/orders/orders.json", true)]
    [DataRow("/var/log/*/*.json", "/var/log/orders/sub/orders.json", false, "* stays within one component")]
    [DataRow("/var/log/*.json", "/var/log/orders.jsonl", false)]
    [DataRow("/var/log/**/*.json", "/var/log/orders.json", true, "** matches zero components")]
    [DataRow("/var/log/**/*.json", "/var/log/a/b/orders.json", true)]
    [DataRow("/var/log/?rders.json", "/var/log/orders.json", true)]
    [DataRow("/var/log/?rders.json", "/var/log/rders.json", false)]
    [DataRow("/x/*_[0-9][0-9].json", "/x/orders_07.json", true)]
    [DataRow("/x/*_[0-9][0-9].json", "/x/orders_7.json", false)]
    [DataRow("/x/*_[0-9][0-9].json", "/x/orders_v2.json", false)]
    [DataRow("/x/*_[^0-9]*.json", "/x/orders_v2.json", true, "a negated class")]
    [DataRow("/x/*_[!0-9]*.json", "/x/orders_02.json", false)]
    [DataRow("/x/{*.error.json,alerts.json}", "/x/orders.error.json", true)]
    [DataRow("/x/{*.error.json,alerts.json}", "/x/alerts.json", true)]
    [DataRow("/x/{*.error.json,alerts.json}", "/x/error-tracker.json", false)]
    [DataRow("/x/{a,b{c,d}}.json", "/x/bd.json", true, "nested alternatives")]
    [DataRow("/x/{a,b{c,d}}.json", "/x/b.json", false)]
    [DataRow("/x/\\*.json", "/x/*.json", true, "an escaped star is a star")]
    [DataRow("/x/\\*.json", "/x/a.json", false)]
    public void Match_Pattern_MatchesAsDoublestar(string pattern, string path, bool expected, string because = "")
    {
        Assert.AreEqual(expected, Doublestar.Match(pattern, path), $"{pattern} against {path}. {because}");
    }
}
