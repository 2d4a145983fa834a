using NLog;
using NLog.Targets;

namespace MoniKit.Testing.Implementation;

/// <summary>Renders each event with the MoniKit layout on the logging thread and hands the line to the capture.</summary>
internal sealed class CaptureTarget : TargetWithLayout
{
    private readonly LogCapture _capture;

    public CaptureTarget(LogCapture capture)
    {
        _capture = capture;
        Name = "monikit-capture";
    }

    protected override void Write(LogEventInfo logEvent) => _capture.Add(RenderLogEvent(Layout, logEvent));
}
