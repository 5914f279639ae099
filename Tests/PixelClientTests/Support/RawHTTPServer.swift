import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A loopback server that answers every request with the same raw bytes, for responses the
/// emulator cannot produce: a body cut short, a body that stalls, a declared length over the
/// client's limit, an HTML page. It reads nothing but waits for the end of the request head.
final class RawHTTPServer: Sendable {
    /// What happens to the connection after the bytes are written.
    enum Afterwards: Sendable {
        /// Close it (a body shorter than its `Content-Length` is then cut short).
        case close
        /// Keep it open and write nothing more (a stalled body), until the server stops.
        case stall
    }

    let port: Int
    private let served: NIOLockedValueBox<Int>

    /// How many requests were answered.
    var requestCount: Int { served.withLockedValue { $0 } }

    private init(port: Int, served: NIOLockedValueBox<Int>) {
        self.port = port
        self.served = served
    }

    private enum ServerError: Error { case noPort }

    /// Runs `body` with a server on 127.0.0.1 (ephemeral port) that answers with `response`.
    static func withRunning<T: Sendable>(
        answering response: String, then afterwards: Afterwards = .close, _ body: (RawHTTPServer) async throws -> T
    ) async throws -> T {
        let served = NIOLockedValueBox(0)
        let bytes = Array(response.utf8)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(Responder(bytes: bytes, afterwards: afterwards, served: served))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            guard let port = channel.localAddress?.port else { throw ServerError.noPort }
            let result = try await body(RawHTTPServer(port: port, served: served))
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// One per connection, used on its event loop only.
    private final class Responder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let bytes: [UInt8]
        let afterwards: Afterwards
        let served: NIOLockedValueBox<Int>
        /// The request head seen so far.
        private var head: [UInt8] = []

        init(bytes: [UInt8], afterwards: Afterwards, served: NIOLockedValueBox<Int>) {
            self.bytes = bytes
            self.afterwards = afterwards
            self.served = served
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            head += buffer.readBytes(length: buffer.readableBytes) ?? []
            let end: [UInt8] = [13, 10, 13, 10]
            guard head.count >= 4, head.indices.dropLast(3).contains(where: { Array(head[$0..<$0 + 4]) == end }) else { return }
            head = []
            served.withLockedValue { $0 += 1 }
            let write = context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)))
            if case .close = afterwards {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                write.whenComplete { _ in bound.value.close(promise: nil) }
            }
        }
    }
}
