/// Where a session keeps its kernel: a reference, so the kernel is read and mutated in place.
///
/// `TradingSession` is generic over its strategy and its code is not specialized across modules, so an optional
/// `TradingKernel<S>` stored in it is an address-only value: reading one field through optional chaining
/// (`kernel?.rejections.count`) copies the whole kernel first (every buffer retained and released), several
/// times per bar. Behind a class reference the same read touches only that field.
final class KernelSlot<S: Strategy> {
    /// The kernel, mutated in place (`slot.kernel.onBar(...)`).
    var kernel: TradingKernel<S>

    init(_ kernel: TradingKernel<S>) { self.kernel = kernel }
}
