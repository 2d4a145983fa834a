using System.Text;

namespace MoniKit.Stack.Tests.Alloy;

/// <summary>
/// Path matching as github.com/bmatcuk/doublestar does it, which Alloy's <c>local.file_match</c> uses for
/// <c>__path__</c> and <c>__path_exclude__</c>: <c>*</c> and <c>?</c> stay within one path component, <c>**</c>
/// as a whole component matches zero or more of them, <c>[a-z]</c> classes (negated by <c>^</c> or <c>!</c>),
/// <c>{a,b}</c> alternatives (nested too), and <c>\</c> escapes.
/// </summary>
internal static class Doublestar
{
    /// <summary>Whether the whole of <paramref name="path"/> matches <paramref name="pattern"/>.</summary>
    public static bool Match(string pattern, string path)
    {
        var components = path.Split('/');
        return ExpandAlternatives(pattern).Any(p => MatchComponents(p.Split('/'), 0, components, 0));
    }

    private static bool MatchComponents(string[] pattern, int p, string[] path, int n)
    {
        if (p == pattern.Length)
        {
            return n == path.Length;
        }

        if (pattern[p] == "**")
        {
            // Zero or more whole components.
            for (var skip = n; skip <= path.Length; skip++)
            {
                if (MatchComponents(pattern, p + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return n < path.Length && MatchComponent(pattern[p], 0, path[n], 0) && MatchComponents(pattern, p + 1, path, n + 1);
    }

    private static bool MatchComponent(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    // A run of stars inside a component (doublestar treats "a**b" as "a*b").
                    while (p < pattern.Length && pattern[p] == '*')
                    {
                        p++;
                    }

                    for (var rest = n; rest <= name.Length; rest++)
                    {
                        if (MatchComponent(pattern, p, name, rest))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (n == name.Length)
                    {
                        return false;
                    }

                    p++;
                    n++;
                    break;
                case '[':
                    if (n == name.Length || !MatchClass(pattern, ref p, name[n]))
                    {
                        return false;
                    }

                    n++;
                    break;
                case '\\' when p + 1 < pattern.Length:
                    if (n == name.Length || name[n] != pattern[p + 1])
                    {
                        return false;
                    }

                    p += 2;
                    n++;
                    break;
                default:
                    if (n == name.Length || name[n] != pattern[p])
                    {
                        return false;
                    }

                    p++;
                    n++;
                    break;
            }
        }

        return n == name.Length;
    }

    /// <summary>Matches one character against the class that starts at <paramref name="p"/>, and moves past it.</summary>
    private static bool MatchClass(string pattern, ref int p, char c)
    {
        var end = pattern.IndexOf(']', p + 2);
        if (end < 0)
        {
            throw new FormatException($"Unclosed character class in '{pattern}'");
        }

        var start = p + 1;
        var negated = pattern[start] is '^' or '!';
        if (negated)
        {
            start++;
        }

        var matched = false;
        for (var i = start; i < end; i++)
        {
            if (i + 2 < end && pattern[i + 1] == '-')
            {
                matched |= c >= pattern[i] && c <= pattern[i + 2];
                i += 2;
            }
            else
            {
                matched |= c == pattern[i];
            }
        }

        p = end + 1;
        return matched != negated;
    }

    /// <summary>Every pattern that <c>{a,b}</c> alternatives stand for, innermost braces included.</summary>
    private static IEnumerable<string> ExpandAlternatives(string pattern)
    {
        var open = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == '{')
            {
                open = i;
                break;
            }
        }

        if (open < 0)
        {
            return [pattern];
        }

        var (close, options) = SplitAlternatives(pattern, open);
        var suffix = pattern[(close + 1)..];
        return options.SelectMany(option => ExpandAlternatives(pattern[..open] + option + suffix));
    }

    private static (int Close, List<string> Options) SplitAlternatives(string pattern, int open)
    {
        var options = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = open + 1; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                current.Append(c).Append(pattern[++i]);
            }
            else if (c == '{')
            {
                depth++;
                current.Append(c);
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                current.Append(c);
            }
            else if (c == '}')
            {
                options.Add(current.ToString());
                return (i, options);
            }
            else if (c == ',' && depth == 0)
            {
                options.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        throw new FormatException($"Unclosed alternatives in '{pattern}'");
    }
}
