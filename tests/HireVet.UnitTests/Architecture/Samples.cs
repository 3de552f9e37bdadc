// A small deliberate loop for ArchitectureTests: Orders and Payments use each other (Orders in a signature, Payments only in a method
// body); Catalog is used by Orders but uses nothing back.
namespace HireVet.UnitTests.Architecture.Samples.Catalog
{
    public sealed record Product(string Sku);
}

namespace HireVet.UnitTests.Architecture.Samples.Orders
{
    public sealed record Order(Catalog.Product Product, decimal Amount)
    {
        public Payments.Payment Pay() => new(Amount);
    }
}

namespace HireVet.UnitTests.Architecture.Samples.Payments
{
    public sealed record Payment(decimal Amount);

    public static class Refund
    {
        public static decimal Of(object paid) => paid is Orders.Order order ? order.Amount : 0m;
    }
}
