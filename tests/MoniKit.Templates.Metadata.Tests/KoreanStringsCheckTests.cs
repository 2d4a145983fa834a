namespace MoniKit.Templates.Metadata.Tests;

[TestClass]
public sealed class KoreanStringsCheckTests
{
    [TestMethod]
    public void Problems_TranslatedWithTermsKept_None()
    {
        var english = new Dictionary<string, string>
        {
            ["author"] = "MoniKit",
            ["symbols/HttpPort/description"] = "The port for 'dotnet run', published in docker-compose.",
            ["symbols/Tests/description"] = "Checks the service's log lines and their trace id.",
        };
        var korean = new Dictionary<string, string>
        {
            ["author"] = "MoniKit",
            ["symbols/HttpPort/description"] = "'dotnet run'으로 실행할 때 쓰는 포트이며 docker-compose도 이 포트를 씁니다.",
            ["symbols/Tests/description"] = "서비스의 로그 줄과 trace id를 검사합니다.",
        };

        var problems = KoreanStringsCheck.Problems(english, korean);

        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void Problems_EnglishLeftInTheKoreanFile_ReportedAsNotTranslated()
    {
        var english = new Dictionary<string, string> { ["name"] = "MoniKit Web API" };

        var problems = KoreanStringsCheck.Problems(english, english);

        CollectionAssert.AreEqual(new[] { "'name' is not translated: \"MoniKit Web API\"" }, problems.ToList());
    }

    [TestMethod]
    [DataRow("Adds docker-compose.yml.", "도커 컴포즈 파일을 추가합니다.", "docker-compose")]
    [DataRow("Every line carries the trace id.", "모든 줄에 추적 ID가 있습니다.", "trace id")]
    [DataRow("Run 'dotnet restore'", "복원을 실행하세요", "'dotnet restore'")]
    [DataRow("Such as '#orders-alerts'.", "예: '#주문-알림'", "'#orders-alerts'")]
    public void Problems_TermTranslatedAway_ReportsTheDroppedTerm(string en, string ko, string term)
    {
        var problems = KoreanStringsCheck.Problems(new Dictionary<string, string> { ["k"] = en }, new Dictionary<string, string> { ["k"] = ko });

        CollectionAssert.AreEqual(new[] { $"'k' drops '{term}', which the English has: \"{ko}\"" }, problems.ToList());
    }
}
