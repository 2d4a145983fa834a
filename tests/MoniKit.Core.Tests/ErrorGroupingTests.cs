namespace MoniKit.Core.Tests;

[TestClass]
public sealed class ErrorGroupingTests
{
    [TestMethod]
    public void GetKey_SameFaultDifferentMessages_SameKey()
    {
        var first = Catch(() => Orders.Lock(13));
        var second = Catch(() => Orders.Lock(42));
        Assert.AreNotEqual(first.Message, second.Message);
        Assert.AreEqual(ErrorGrouping.GetKey(first), ErrorGrouping.GetKey(second));
    }

    [TestMethod]
    public void GetKey_DifferentThrowSites_DifferentKeys() =>
        Assert.AreNotEqual(ErrorGrouping.GetKey(Catch(() => Orders.Lock(1))), ErrorGrouping.GetKey(Catch(() => Orders.Ship(1))));

    [TestMethod]
    public void GetKey_SameSiteDifferentType_DifferentKeys() =>
        Assert.AreNotEqual(ErrorGrouping.GetKey(Catch(() => Orders.Lock(1))), ErrorGrouping.GetKey(Catch(() => Orders.Lock(-1))));

    [TestMethod]
    public async Task GetKey_AsyncMethod_StableAcrossOccurrences()
    {
        var first = await CatchAsync(() => Orders.LoadAsync(1));
        var second = await CatchAsync(() => Orders.LoadAsync(2));
        Assert.AreEqual(ErrorGrouping.GetKey(first), ErrorGrouping.GetKey(second));
        Assert.AreNotEqual(ErrorGrouping.GetKey(first), ErrorGrouping.GetKey(Catch(() => Orders.Lock(1))));
    }

    [TestMethod]
    public void GetKey_NeverThrown_KeyOfTheTypeAlone()
    {
        var key = ErrorGrouping.GetKey(new InvalidOperationException("a"));
        Assert.AreEqual(key, ErrorGrouping.GetKey(new InvalidOperationException("b")));
        Assert.AreNotEqual(key, ErrorGrouping.GetKey(new ArgumentException("a")));
        Assert.MatchesRegex("^[0-9a-f]{16}$", key);
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new AssertFailedException("nothing was thrown");
    }

    private static async Task<Exception> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new AssertFailedException("nothing was thrown");
    }

    private static class Orders
    {
        public static void Lock(int id) =>
            throw (id < 0 ? new ArgumentOutOfRangeException(nameof(id)) : new InvalidOperationException($"Order {id} is locked"));

        public static void Ship(int id) => throw new InvalidOperationException($"Order {id} is locked");

        public static async Task LoadAsync(int id)
        {
            await Task.Yield();
            throw new InvalidOperationException($"Order {id} was not found");
        }
    }
}
