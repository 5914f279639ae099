import Foundation
import Settings
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every change scenario of change detection is seen, and an unchanged file is confirmed by
/// metadata alone (no re-read) unless the racy-clean rule applies.
@Suite struct FileStampTests {
    /// A fresh directory per test, removed at the end.
    private final class TemporaryDirectory {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("filestamp-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Sets mtime (and atime) to exactly `nanoseconds` since 1970; ctime moves to "now" as always.
    private func setModificationTime(_ path: String, nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        let times = [time, time]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
    }

    private func hourAgo() -> Int64 {
        Int64((Date().timeIntervalSince1970 - 3600) * 1_000_000_000)
    }

    /// A file last modified an hour ago: not racy.
    private func settledFile(_ text: String, in directory: TemporaryDirectory, name: String = "pixel.yaml") throws -> String {
        let path = directory.file(name)
        try write(text, to: path)
        try setModificationTime(path, nanoseconds: hourAgo())
        return path
    }

    @Test func anUnchangedFileIsConfirmedFromMetadataWithoutReadingIt() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("tenant: acme\n", in: directory)
        let snapshot = try FileStamp.read(path: path)
        #expect(snapshot.contents == Array("tenant: acme\n".utf8))
        #expect(snapshot.stamp.exists)
        #expect(!snapshot.stamp.needsContentCheck)
        for _ in 0..<3 { #expect(snapshot.stamp.isUnchanged()) }
        #expect(snapshot.stamp.contentCheckCount == 0)
    }

    @Test func aFreshlyWrittenFileIsRacyAndItsContentIsReHashedOnChecks() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pixel.yaml")
        try write("tenant: acme\n", to: path)
        let stamp = try FileStamp.read(path: path).stamp
        #expect(stamp.needsContentCheck)
        // `stat()` only (no inotify monitor): every check of a racy stamp re-hashes.
        #expect(stamp.isUnchanged(monitor: nil, poll: nil))
        #expect(stamp.isUnchanged(monitor: nil, poll: nil))
        #expect(stamp.contentCheckCount == 2)
    }

    @Test func theRacyRuleCatchesARewriteThatLeftTheMetadataAlone() throws {
        // Simulates a coarse-timestamp filesystem (FAT, HFS+, old kernels): the rewrite below is
        // presented to the check with the metadata recorded at read time.
        let directory = try TemporaryDirectory()
        let path = directory.file("pixel.yaml")
        try write("password: one\n", to: path)
        let stamp = try FileStamp.read(path: path).stamp
        let recorded = try #require(stamp.metadata)
        try write("password: two\n", to: path)
        #expect(!stamp.isUnchanged(observed: .present(recorded), now: stamp.readTimeNanoseconds))
        #expect(stamp.contentCheckCount == 1)
    }

    @Test func aNonRacyStampTrustsMetadataAndNeverReadsTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("password: one\n", in: directory)
        let stamp = try FileStamp.read(path: path).stamp
        let recorded = try #require(stamp.metadata)
        try write("password: two\n", to: path)
        // Same simulated metadata: a non-racy stamp trusts it (a write would have moved mtime).
        #expect(stamp.isUnchanged(observed: .present(recorded), now: stamp.readTimeNanoseconds))
        #expect(stamp.contentCheckCount == 0)
    }

    @Test func aRacyStampStopsReHashingOnceAConfirmedCheckIsPastTheWindow() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pixel.yaml")
        try write("tenant: acme\n", to: path)
        let stamp = try FileStamp.read(path: path).stamp
        let recorded = try #require(stamp.metadata)
        let later = recorded.modificationTimeNanoseconds + FileStamp.racyWindowNanoseconds + 1
        #expect(stamp.isUnchanged(observed: .present(recorded), now: later))
        #expect(!stamp.needsContentCheck)
        let copy = stamp
        #expect(copy.isUnchanged())
        #expect(stamp.contentCheckCount == 1)
    }

    @Test func aSameSizeRewriteWithinTheSameSecondIsDetected() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file(".env")
        try write("A=1\n", to: path)
        let stamp = try FileStamp.read(path: path).stamp
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("A=2\n".utf8))
        try handle.close()
        let now = try FileStamp.read(path: path).stamp
        #expect(now.metadata?.inode == stamp.metadata?.inode)
        #expect(now.metadata?.size == stamp.metadata?.size)
        #expect(!stamp.isUnchanged())
    }

    @Test func anAtomicRenameOverTheFileIsDetectedEvenWithTheSameSizeAndMtime() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("A=1\n", in: directory, name: ".env")
        let stamp = try FileStamp.read(path: path).stamp
        let replacement = directory.file(".env.tmp")
        try write("A=2\n", to: replacement)
        try setModificationTime(replacement, nanoseconds: try #require(stamp.metadata).modificationTimeNanoseconds)
        #expect(rename(replacement, path) == 0)
        #expect(!stamp.isUnchanged())
    }

    @Test func aKubernetesDataSymlinkSwapIsDetectedAndTheChainIsRecorded() throws {
        let directory = try TemporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.file("..2026_11_25_a"), withIntermediateDirectories: false)
        let first = try settledFile("tenant: a\n", in: directory, name: "..2026_11_25_a/pixel.yaml")
        try manager.createSymbolicLink(atPath: directory.file("..data"), withDestinationPath: "..2026_11_25_a")
        try manager.createSymbolicLink(atPath: directory.file("pixel.yaml"), withDestinationPath: "..data/pixel.yaml")

        let stamp = try FileStamp.read(path: directory.file("pixel.yaml")).stamp
        #expect(stamp.isUnchanged())
        let canonicalDirectory = try #require(
            realpath(directory.path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            })
        #expect(
            stamp.symlinkChain == [
                directory.file("pixel.yaml"),
                directory.file("..data/pixel.yaml"),
                canonicalDirectory + "/..2026_11_25_a/pixel.yaml",
            ])
        #expect(stamp.resolvedPath == canonicalDirectory + "/..2026_11_25_a/pixel.yaml")

        // The kubelet's swap: new timestamped directory, new ..data link renamed over the old.
        try manager.createDirectory(atPath: directory.file("..2026_11_25_b"), withIntermediateDirectories: false)
        let second = directory.file("..2026_11_25_b/pixel.yaml")
        try write("tenant: b\n", to: second)
        try setModificationTime(second, nanoseconds: try #require(FileStamp.read(path: first).stamp.metadata).modificationTimeNanoseconds)
        try manager.createSymbolicLink(atPath: directory.file("..data_tmp"), withDestinationPath: "..2026_11_25_b")
        #expect(rename(directory.file("..data_tmp"), directory.file("..data")) == 0)
        #expect(!stamp.isUnchanged())
        #expect(try FileStamp.read(path: directory.file("pixel.yaml")).contents == Array("tenant: b\n".utf8))
    }

    @Test func anAbsentFileIsAStampedStateAndItsCreationIsDetected() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file(".env")
        let snapshot = try FileStamp.read(path: path)
        #expect(snapshot.contents == nil)
        #expect(!snapshot.stamp.exists)
        #expect(snapshot.stamp.resolvedPath == nil)
        #expect(snapshot.stamp.isUnchanged())
        try write("A=1\n", to: path)
        #expect(!snapshot.stamp.isUnchanged())
    }

    @Test func aDeletedFileIsDetected() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("A=1\n", in: directory, name: ".env")
        let stamp = try FileStamp.read(path: path).stamp
        try FileManager.default.removeItem(atPath: path)
        #expect(!stamp.isUnchanged())
    }

    @Test func touchingAFileWithoutChangingItsContentIsReportedAsAChange() throws {
        // Documented behaviour: metadata moved, so callers re-parse; the settings fingerprint then
        // shows that nothing really changed.
        let directory = try TemporaryDirectory()
        let path = try settledFile("A=1\n", in: directory, name: ".env")
        let stamp = try FileStamp.read(path: path).stamp
        try setModificationTime(path, nanoseconds: hourAgo() + 1_000_000_000)
        #expect(!stamp.isUnchanged())
        #expect(try FileStamp.read(path: path).stamp.contentDigest == stamp.contentDigest)
    }

    @Test func aDanglingSymlinkIsAbsent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pixel.yaml")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere.yaml")
        let stamp = try FileStamp.read(path: path).stamp
        #expect(!stamp.exists)
        #expect(stamp.isUnchanged())
        try write("a: 1\n", to: directory.file("nowhere.yaml"))
        #expect(!stamp.isUnchanged())
    }

    @Test func aSymlinkLoopIsAReadErrorAndAChangeForAnExistingStamp() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory.file("a"), withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: directory.file("b"), withDestinationPath: "a")
        #expect(throws: FileReadError.self) { try FileStamp.read(path: directory.file("a")) }
        let path = try settledFile("A=1\n", in: directory, name: "c")
        let stamp = try FileStamp.read(path: path).stamp
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "c")
        #expect(!stamp.isUnchanged())
    }

    @Test func aDirectoryIsNotARegularFile() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: FileReadError(path: directory.path, reason: .notARegularFile)) {
            try FileStamp.read(path: directory.path)
        }
    }

    @Test func aFileOverTheLimitIsRejected() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile(String(repeating: "x", count: 100), in: directory)
        #expect(throws: FileReadError(path: path, reason: .tooLarge(limit: 99))) {
            try FileStamp.read(path: path, maxBytes: 99)
        }
        #expect(try FileStamp.read(path: path, maxBytes: 100).contents?.count == 100)
    }

    @Test func anEmptyFileIsPresentWithNoBytes() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("", in: directory)
        let snapshot = try FileStamp.read(path: path)
        #expect(snapshot.contents == [])
        #expect(snapshot.stamp.exists)
        #expect(snapshot.stamp.isUnchanged())
    }

    @Test func stampsOfTheSameObservationAreEqual() throws {
        let directory = try TemporaryDirectory()
        let path = try settledFile("A=1\n", in: directory)
        #expect(try FileStamp.read(path: path).stamp == FileStamp.read(path: path).stamp)
        #expect(try FileStamp.read(path: path).stamp.description.contains("4 bytes"))
    }
}
