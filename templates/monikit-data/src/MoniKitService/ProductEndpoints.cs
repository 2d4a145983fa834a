using System.Data.Common;
using Dapper;

namespace MoniKitService;

/// <summary>Sample CRUD endpoints over the monitored connection. Each SQL command logs one db.query line.</summary>
public static class ProductEndpoints
{
    private const string Columns = "id AS Id, name AS Name, price_cents AS PriceCents";

    public static IEndpointRouteBuilder MapProducts(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/products");

        products.MapGet("/", (DbConnection db) =>
            db.QueryAsync<Product>($"SELECT {Columns} FROM products ORDER BY id"));

        products.MapGet("/{id:long}", async (long id, DbConnection db) =>
            await db.QuerySingleOrDefaultAsync<Product>($"SELECT {Columns} FROM products WHERE id = @id", new { id }) is { } product
                ? Results.Ok(product)
                : Results.NotFound());

        products.MapPost("/", async (ProductInput input, DbConnection db) =>
        {
            if (input.Validate() is { } invalid)
            {
                return invalid;
            }

            var product = await db.QuerySingleAsync<Product>(
                $"INSERT INTO products (name, price_cents) VALUES (@Name, @PriceCents) RETURNING {Columns}", input);
            return Results.Created($"/products/{product.Id}", product);
        });

        products.MapPut("/{id:long}", async (long id, ProductInput input, DbConnection db) =>
        {
            if (input.Validate() is { } invalid)
            {
                return invalid;
            }

            var product = await db.QuerySingleOrDefaultAsync<Product>(
                $"UPDATE products SET name = @Name, price_cents = @PriceCents WHERE id = @id RETURNING {Columns}",
                new { id, input.Name, input.PriceCents });
            return product is null ? Results.NotFound() : Results.Ok(product);
        });

        products.MapDelete("/{id:long}", async (long id, DbConnection db) =>
            await db.ExecuteAsync("DELETE FROM products WHERE id = @id", new { id }) > 0 ? Results.NoContent() : Results.NotFound());

        return app;
    }
}

/// <summary>A product as stored and returned.</summary>
public sealed record Product(long Id, string Name, long PriceCents);

/// <summary>The body of a create or update request.</summary>
public sealed record ProductInput(string? Name, long PriceCents)
{
    public IResult? Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        if (PriceCents < 0)
        {
            errors["priceCents"] = ["The price cannot be negative."];
        }

        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }
}
