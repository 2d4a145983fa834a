using System.Net;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class SlackWebhookClientTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task DeliverAsync_429WithRetryAfter_IsRateLimitedForThatLong()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("rate_limited") };
        answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var result = await Deliver(answer);

        Assert.AreEqual(DeliveryOutcome.RateLimited, result.Outcome);
        Assert.AreEqual(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [TestMethod]
    public async Task DeliverAsync_400_IsRejectedWithSlacksReasonEscaped()
    {
        var result = await Deliver(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("invalid_blocks\r\nFORGED\u001b[2J") });

        Assert.AreEqual(DeliveryOutcome.Rejected, result.Outcome);
        Assert.AreEqual(@"HTTP 400 invalid_blocks\r\nFORGED\u001b[2J", result.Detail);
    }

    [TestMethod]
    public async Task DeliverAsync_500_IsTransient()
    {
        var result = await Deliver(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("internal_error") });

        Assert.AreEqual(DeliveryOutcome.Transient, result.Outcome);
        Assert.AreEqual("HTTP 500 internal_error", result.Detail);
    }

    private async Task<DeliveryResult> Deliver(HttpResponseMessage answer)
    {
        var options = new MoniKitSlackOptions { ResolvedWebhookUrl = new Uri("https://hooks.example.com/services/T0/B0/secret") };
        var formatter = new SlackMessageFormatter(options, new AlertIdentity("orders-api", "1.4.0", "Production", "web-01"));
        var client = new SlackWebhookClient(new Factory(new Answer(answer)), options, formatter);
        return await client.DeliverAsync(AlertOutboxTests.Alert(1), TestContext.CancellationToken);
    }

    private sealed class Answer(HttpResponseMessage response) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(response);
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
