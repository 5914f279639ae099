/// The object a client facade holds: one pointer to the shared ``PixelClientCore``.
///
/// A facade is copied every time the factory hands it out. If it held the core directly, every
/// copy on every thread would increment and decrement the core's reference count, one cache line
/// that all threads fight over; holding a handle the factory keeps per thread moves that traffic
/// to a line only that thread touches. Handles are immutable, so they cross threads freely.
@usableFromInline
final class ClientHandle: Sendable {
    let core: PixelClientCore

    init(core: PixelClientCore) {
        self.core = core
    }
}
