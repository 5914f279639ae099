#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap access to the real process environment: `getenv` for single names and a walk over the
/// `environ` array, never a dictionary of the whole environment.
enum ProcessEnvironment {
    /// The value of `name`, or `nil` when it is unset.
    static func value(of name: String) -> Value? {
        guard let pointer = getenv(name) else { return nil }
        return Value(pointer)
    }

    /// A variable's value. Environment values are bytes; one that is not UTF-8 keeps its decoded
    /// text (with replacement characters) but says so, and resolution reports it.
    struct Value {
        var text: String
        var isUTF8: Bool

        init(_ pointer: UnsafePointer<CChar>) {
            if let text = String(validatingCString: pointer) {
                self.text = text
                isUTF8 = true
            } else {
                text = String(cString: pointer)
                isUTF8 = false
            }
        }
    }

    /// The `environ` array (NULL-terminated `char *` entries).
    static var entries: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        return _NSGetEnviron().pointee
        #else
        return environ
        #endif
    }

    /// The entry pointers as integers, in order: what ``EnvironmentSnapshot`` compares.
    static func entryAddresses() -> [UInt] {
        var addresses: [UInt] = []
        addresses.reserveCapacity(64)
        guard let entries else { return addresses }
        var index = 0
        while let entry = entries[index] {
            addresses.append(UInt(bitPattern: entry))
            index += 1
        }
        return addresses
    }

    /// `true` when `environ` holds exactly `addresses`, in order.
    static func entriesMatch(_ addresses: [UInt]) -> Bool {
        guard let entries else { return addresses.isEmpty }
        return addresses.withUnsafeBufferPointer { recorded in
            var index = 0
            while let entry = entries[index] {
                guard index < recorded.count, recorded[index] == UInt(bitPattern: entry) else { return false }
                index += 1
            }
            return index == recorded.count
        }
    }

    /// Every variable name that starts with one of `prefixes` (for "did you mean" warnings).
    static func names(withPrefixes prefixes: [String]) -> [String] {
        guard let entries, !prefixes.isEmpty else { return [] }
        // The prefixes' bytes once, rather than walking each String's UTF-8 view per entry.
        let prefixBytes = prefixes.map { Array($0.utf8) }
        var names: [String] = []
        var index = 0
        while let entry = entries[index] {
            index += 1
            let raw = UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self)
            let hit = prefixBytes.contains { entryStarts(raw, with: $0) }
            guard hit else { continue }
            var length = 0
            while raw[length] != 0 && raw[length] != UInt8(ascii: "=") { length += 1 }
            names.append(String(decoding: UnsafeBufferPointer(start: raw, count: length), as: UTF8.self))
        }
        return names
    }

    private static func entryStarts(_ raw: UnsafePointer<UInt8>, with prefix: [UInt8]) -> Bool {
        for offset in prefix.indices where raw[offset] != prefix[offset] { return false }
        return true
    }

    /// The current working directory, or `nil`.
    static func currentDirectory() -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 4096) { buffer -> String? in
            guard let base = buffer.baseAddress, getcwd(base, buffer.count) != nil else { return nil }
            return String(cString: base)
        }
    }

    /// `true` when the current directory is `expected` (NUL-terminated); no heap allocation.
    static func currentDirectoryIs(_ expected: [CChar]) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 4096) { buffer -> Bool in
            guard let base = buffer.baseAddress, getcwd(base, buffer.count) != nil else { return false }
            return expected.withUnsafeBufferPointer { recorded in
                recorded.baseAddress.map { strcmp(base, $0) == 0 } ?? false
            }
        }
    }
}

extension ProcessEnvironment {
    /// The value of the NUL-terminated `name`, or `nil` (no String-to-C conversion per call).
    static func value(ofCName name: [CChar]) -> Value? {
        name.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let pointer = getenv(base) else { return nil }
            return Value(pointer)
        }
    }
}
