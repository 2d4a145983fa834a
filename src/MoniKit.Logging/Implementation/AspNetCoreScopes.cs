using System.Collections.Concurrent;
using NLog;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The scopes ASP.NET Core opens itself around every request: hosting's (<c>RequestId</c>, <c>RequestPath</c>) and
/// Kestrel's (<c>ConnectionId</c>). NLog.Extensions.Logging pushes a <c>BeginScope</c> state with
/// <c>ScopeContext.PushNestedStateProperties(state, properties)</c>, so the state object stays on NLog's scope stack
/// and its type tells these scopes apart from a service's own scope that uses the same names.
/// </summary>
internal readonly struct AspNetCoreScopes
{
    public const string RequestIdName = "RequestId";
    public const string RequestPathName = "RequestPath";
    public const string ConnectionIdName = "ConnectionId";

    private const int MaxCachedTypes = 256;

    private static readonly ConcurrentDictionary<Type, ScopeSource> Sources = new();

    private AspNetCoreScopes(object? requestId, object? requestPath, object? connectionId)
    {
        RequestId = requestId;
        RequestPath = requestPath;
        ConnectionId = connectionId;
    }

    private enum ScopeSource
    {
        Other,
        Hosting,
        Kestrel,
    }

    /// <summary>The request id of ASP.NET Core hosting's scope, when the event is written inside one.</summary>
    public object? RequestId { get; }

    private object? RequestPath { get; }

    private object? ConnectionId { get; }

    /// <summary>Whether a scope property with this name may be ASP.NET Core's own, so the scopes must be looked at.</summary>
    public static bool MayBeFrameworks(string name) => name is RequestIdName or RequestPathName or ConnectionIdName;

    /// <summary>Finds ASP.NET Core's scopes among the current ones (the innermost of each kind).</summary>
    public static AspNetCoreScopes Find()
    {
        object? requestId = null, requestPath = null, connectionId = null;
        foreach (var state in ScopeContext.GetAllNestedStates())
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                continue;
            }

            switch (SourceOf(state.GetType()))
            {
                case ScopeSource.Hosting when requestId is null:
                    requestId = ValueOf(properties, RequestIdName);
                    requestPath = ValueOf(properties, RequestPathName);
                    break;
                case ScopeSource.Kestrel when connectionId is null:
                    connectionId = ValueOf(properties, ConnectionIdName);
                    break;
            }
        }

        return new(requestId, requestPath, connectionId);
    }

    /// <summary>
    /// Whether the scope property is ASP.NET Core's: one of its scopes holds this name with this value. A service's
    /// own scope with another value under the same name is its own field.
    /// </summary>
    public bool IsFrameworks(string name, object? value) => name switch
    {
        RequestIdName => RequestId is not null && Equals(RequestId, value),
        RequestPathName => RequestPath is not null && Equals(RequestPath, value),
        ConnectionIdName => ConnectionId is not null && Equals(ConnectionId, value),
        _ => false,
    };

    private static ScopeSource SourceOf(Type type)
    {
        if (Sources.TryGetValue(type, out var source))
        {
            return source;
        }

        // The types are internal to ASP.NET Core, so they are known by namespace, name and assembly.
        var assembly = type.Assembly.GetName().Name;
        source = (type.Namespace, type.Name, assembly) switch
        {
            ("Microsoft.AspNetCore.Hosting", "HostingLogScope", "Microsoft.AspNetCore.Hosting") => ScopeSource.Hosting,
            ("Microsoft.AspNetCore.Server.Kestrel.Core.Internal", "ConnectionLogScope", "Microsoft.AspNetCore.Server.Kestrel.Core") => ScopeSource.Kestrel,
            _ => ScopeSource.Other,
        };
        if (Sources.Count < MaxCachedTypes)
        {
            Sources.TryAdd(type, source);
        }

        return source;
    }

    private static object? ValueOf(IReadOnlyList<KeyValuePair<string, object?>> properties, string name)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Key, name, StringComparison.Ordinal))
            {
                return properties[i].Value;
            }
        }

        return null;
    }
}
