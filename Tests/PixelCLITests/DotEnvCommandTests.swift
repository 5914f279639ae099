import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pixel dotenv parse` reads a file the way the settings loader does: FIFOs, huge files and
/// bytes that are not UTF-8 exit 2 with one located line, and never block.
struct DotEnvCommandTests {
    @Test func aFileThatIsNotUTF8ExitsTwoAtItsLineAndColumn() async throws {
        try await withTemporaryDirectory { directory in
            try Data(Array("A=1\nPIXEL_USERNAME=".utf8) + [0xFF, 0xFE] + Array("\n".utf8)).write(to: directory.appendingPathComponent("bad.env"))
            let result = try await CLIRun.run(["dotenv", "parse", "bad.env"], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(
                result.stderr
                    == "bad.env:2:16: the file is not valid UTF-8 (a malformed byte sequence at byte offset 19); settings files must be UTF-8\n")
        }
    }

    @Test func aFIFOWithAWriterIsRefusedInsteadOfBlocking() async throws {
        try await withTemporaryDirectory { directory in
            let fifo = directory.appendingPathComponent("pipe.env").path
            #expect(mkfifo(fifo, 0o600) == 0)
            // Keep a writer on the FIFO for the whole run: reading it would wait for it forever.
            let writer = open(fifo, O_RDWR | O_NONBLOCK)
            defer { close(writer) }
            let result = try await CLIRun.run(["dotenv", "parse", "pipe.env"], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr == "pipe.env: cannot read: not a regular file\n")
        }
    }

    @Test func aFileOverTheLimitIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            try Data(repeating: 0x23, count: 2 << 20).write(to: directory.appendingPathComponent("huge.env"))
            let result = try await CLIRun.run(["dotenv", "parse", "huge.env"], in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr == "huge.env: cannot read: larger than the limit of 1048576 bytes\n")
        }
    }
}
